import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { logOf, logRow, typeDocument } from './playground-page'
import { connectAndSendAll, sendAll, showClient } from './lessons-13-15'

/** Lesson 13: user destinations, checked by the server on the tab's three real connections. */
const EX = 'user-destinations'
const ALICE = ['Alice (laptop)', 'Alice (phone)'] as const

test.setTimeout(120_000)

async function open(page: import('@playwright/test').Page) {
  await page.goto('/learn/message-brokers')
  await page.getByRole('heading', { name: /Your turn/ }).scrollIntoViewIfNeeded()
  // Alice twice and Bob, each logged in by its Connect button and subscribed to /user/queue/inbox
  for (const name of [...ALICE, 'Bob']) await connectAndSendAll(page, name)
  await exercise(page, EX).scrollIntoViewIfNeeded()
  await checkerReady(page, EX)
  await expectStep(page, EX, 'two-devices', 'done', /both logged in as alice/)
  await expectStep(page, EX, 'other-user', 'done', /bob/)
}

test('lesson 13 exercise, by hand: a SEND to /user/alice/queue/inbox reaches both of Alice\'s connections and not Bob\'s', async ({ page }) => {
  await open(page)
  await showClient(page, 'Bob')
  await typeDocument(page, 'Bob', ['SEND', 'destination:/user/alice/queue/inbox', '', 'Lunch at noon?', '^@'])
  await sendAll(page, 'Bob')
  // (other tabs' Alice clients, logged in as the same user, may get it too: that is what a user destination means)
  for (const name of ALICE) await expect(logOf(page, name)).toContainText('Lunch at noon?', { timeout: 15_000 })
  await expect(logRow(page, 'Bob', 'MESSAGE').filter({ hasText: 'Lunch at noon?' })).toHaveCount(0)
  await exercise(page, EX).scrollIntoViewIfNeeded()
  await expectStep(page, EX, 'send', 'done')
  await expectStep(page, EX, 'fan-out', 'done', /Delivered to ws-\d+ and ws-\d+, both alice\. ws-\d+ \(bob\), subscribed to the same `?\/user\/queue\/inbox`?, got nothing/)
  await expectDone(page, EX)
  // the map shows the three subscriptions under the one name, drawn from the broker's state
  await expect(page.getByRole('heading', { name: 'Who listens where' })).toBeVisible()
})

test('lesson 13 exercise, typical mistake: Bob sends to /user/queue/inbox, his own inbox, and is told why', async ({ page }) => {
  await open(page)
  await showClient(page, 'Bob')
  await typeDocument(page, 'Bob', ['SEND', 'destination:/user/queue/inbox', '', 'Note to self', '^@'])
  await sendAll(page, 'Bob')
  // it came back to Bob himself
  await expect(logOf(page, 'Bob')).toContainText('Note to self', { timeout: 15_000 })
  await expect(logOf(page, 'Alice (laptop)')).not.toContainText('Note to self')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  await expectStep(page, EX, 'send', 'wrong', /means the sender's own inbox: it went to bob's connections, not to alice's/)
  await expect(exercise(page, EX).locator('li[data-step="send"]')).toContainText('sent SEND destination:/user/queue/inbox')
})
