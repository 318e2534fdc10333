import type { Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 02: the poller widget and its exercise, checked by the server on the tab's own polls. */
const EX = 'short-poll-cursor'

async function open(page: Page) {
  await page.goto('/learn/short-polling')
  // widgets load when scrolled near: go to the exercise, just below the poller
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="poller"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, EX)
  await expect(widget.getByRole('button', { name: /Start polling/ })).toBeEnabled({ timeout: 15_000 })
  return widget
}

test('lesson 02 exercise, solved by hand: polls with the cursor, a posted message comes back once, the empty polls are counted', async ({ page }) => {
  const widget = await open(page)
  await widget.getByLabel('Poll every').selectOption('500')
  await expect(widget.getByLabel('Each request asks with')).toHaveValue('cursor')
  await widget.getByRole('button', { name: /Start polling/ }).click()
  await expectStep(page, EX, 'poll-with-cursor', 'done', /3 polls in a row of `?room-/)
  await widget.getByLabel(/Message to post/).fill('hello from the e2e test')
  await widget.getByRole('button', { name: 'Post', exact: true }).click()
  await expectStep(page, EX, 'post-message', 'done', /Posted message #1/)
  await expectStep(page, EX, 'received-once', 'done', /#1 came back once, [\d,]+ ms after you posted it, and not again\. Of your \d+ polls/)
  await expectDone(page, EX)
  // the log is the server's: the post, the poll that brought #1, polls on one kept-alive connection
  await expect(widget.locator('tr[data-kind="post"]')).toContainText('posted #1')
  await expect(widget.locator('tr[data-kind="poll"]').filter({ hasText: '#1' }).first()).toBeVisible()
  await expect(widget.getByTestId('poll-empty')).not.toHaveText('0')
  await widget.getByRole('button', { name: /Stop/ }).click()
  await widget.getByText(/The last poll, byte for byte/).click()
  await expect(widget.getByRole('region', { name: 'Request as the server read it' })).toContainText(/GET \/lab\/feeds\/room-[\w-]+\/poll\?since=1&cid=/)
  await expect(widget.getByRole('region', { name: 'Response as the server wrote it' })).toContainText('"cursor":1')
})

test('lesson 02 exercise, typical mistake: polls without since are explained, and "show solution" sets the cursor', async ({ page }) => {
  const widget = await open(page)
  await widget.getByLabel('Poll every').selectOption('500')
  await widget.getByLabel('Each request asks with').selectOption('none')
  await widget.getByRole('button', { name: /Start polling/ }).click()
  await expectStep(page, EX, 'poll-with-cursor', 'wrong', /carry no `?since`?: each one asks "from now"/)
  await expect(exercise(page, EX).locator('li[data-step="poll-with-cursor"]')).toContainText(/GET \/lab\/feeds\/room-[\w-]+\/poll → 200 OK/)
  await widget.getByRole('button', { name: /Stop/ }).click()
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel('Each request asks with')).toHaveValue('cursor')
  await expect(widget.getByLabel('Poll every')).toHaveValue('1000')
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
})
