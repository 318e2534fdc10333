import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { card, logRow, typeDocument } from './playground-page'
import { sendAll, showClient } from './lessons-13-15'

/** Lesson 14: the demo realm (CONNECT host:secure), checked by the server on the tab's own connection. */
const EX = 'security-realm'
const YOU = 'You'

test.setTimeout(120_000)

async function open(page: import('@playwright/test').Page) {
  await page.goto('/learn/security')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  await showClient(page, YOU)
  await checkerReady(page, EX)
}

/** Connect opens the socket only (autoConnect false): the editor's CONNECT is the learner's. */
async function openSocket(page: import('@playwright/test').Page) {
  await card(page, YOU).getByRole('button', { name: `Connect ${YOU}`, exact: true }).click()
  await expect(page.getByRole('status', { name: `${YOU} status` })).toHaveAttribute('data-state', 'open', { timeout: 15_000 })
}

test('lesson 14 exercise, by hand: refused with a wrong passcode, logged in, own queue accepted, announcement refused by rule', async ({ page }) => {
  await open(page)
  // the editor starts with the wrong passcode
  await openSocket(page)
  await sendAll(page, YOU)
  await expect(logRow(page, YOU, 'ERROR')).toHaveCount(1, { timeout: 15_000 })
  await expectStep(page, EX, 'refused-login', 'done', 'The login "alice" and the passcode given were not accepted by virtual host "secure".')
  await expect(page.getByRole('status', { name: `${YOU} status` })).toHaveAttribute('data-state', 'closed')

  // written first, sent right after connecting: a socket silent for 10 s is closed by the broker
  await typeDocument(page, YOU, [
    'CONNECT', 'accept-version:1.2', 'host:secure', 'login:alice', 'passcode:wonderland', '', '^@',
    'SUBSCRIBE', 'id:mine', 'destination:/queue/private.alice', '', '^@',
    'SEND', 'destination:/topic/announcements', '', 'Hello, everyone!', '^@',
  ])
  await openSocket(page)
  await sendAll(page, YOU)
  await expectStep(page, EX, 'login', 'done', /logged in to virtual host "secure" as alice/)
  await expectStep(page, EX, 'own-queue', 'done', '/queue/private.alice is yours')
  await expectStep(page, EX, 'refused-send', 'done', /Only an administrator \("admin"\) may SEND to \/topic\/announcements in virtual host "secure" \(rule "announcements: administrators send, everyone reads"\)/)
  await expectDone(page, EX)
})

test('lesson 14 exercise, typical mistakes: no host:secure lets anyone in; another user\'s private queue is refused', async ({ page }) => {
  await open(page)
  await typeDocument(page, YOU, ['CONNECT', 'accept-version:1.2', 'login:alice', 'passcode:guess', '', '^@'])
  await openSocket(page)
  await sendAll(page, YOU)
  await expect(logRow(page, YOU, 'CONNECTED')).toHaveCount(1, { timeout: 15_000 })
  await expectStep(page, EX, 'refused-login', 'wrong', /sent CONNECT with no `?host`? header, so it reached the default virtual host, where any login is accepted \(it was\)/)

  // the refusal, then alice peeks into bob's queue
  await card(page, YOU).getByRole('button', { name: `Disconnect ${YOU}`, exact: true }).click()
  await typeDocument(page, YOU, ['CONNECT', 'accept-version:1.2', 'host:secure', 'login:alice', 'passcode:guess', '', '^@'])
  await openSocket(page)
  await sendAll(page, YOU)
  await expectStep(page, EX, 'refused-login', 'done')
  await typeDocument(page, YOU, [
    'CONNECT', 'accept-version:1.2', 'host:secure', 'login:alice', 'passcode:wonderland', '', '^@',
    'SUBSCRIBE', 'id:peek', 'destination:/queue/private.bob', '', '^@',
  ])
  await openSocket(page)
  await sendAll(page, YOU)
  await expect(logRow(page, YOU, 'SUBSCRIBE')).toHaveCount(1, { timeout: 15_000 })
  await expectStep(page, EX, 'own-queue', 'wrong', /\/queue\/private\.bob is the private queue of "bob": only its owner may SUBSCRIBE to it/)
  await expect(exercise(page, EX).locator('li[data-step="own-queue"]')).toContainText('received ERROR message:Access refused')
})
