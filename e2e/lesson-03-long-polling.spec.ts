import type { Locator, Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 03: long polling in the poller widget, checked by the server on the tab's own requests. */
const EX = 'long-poll-held'

async function open(page: Page) {
  await page.goto('/learn/long-polling')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="poller"][data-mode="long"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, EX)
  await expect(widget.getByRole('button', { name: /Start long polling/ })).toBeEnabled({ timeout: 15_000 })
  return widget
}

/** Post while a request is being held (its timer shows at least half a second). */
async function postWhileHeld(widget: Locator, text: string) {
  await expect(widget.getByTestId('poll-pending')).toContainText(/held ([5-9]\d\d ms|\d+\.\d s)/, { timeout: 10_000 })
  await widget.getByLabel(/Message to post/).fill(text)
  await widget.getByRole('button', { name: 'Post', exact: true }).click()
}

test('lesson 03 exercise, solved by hand: a held request answered by a post, the re-ask with the cursor, a timeout with no news', async ({ page }) => {
  const widget = await open(page)
  await widget.getByLabel(/Timeout/).selectOption('5000')
  await widget.getByRole('button', { name: /Start long polling/ }).click()
  await postWhileHeld(widget, 'news while you wait')
  await expectStep(page, EX, 'held-until-news', 'done', /Held \d+(\.\d)? m?s, then answered with #1/)
  await expectStep(page, EX, 're-ask', 'todo', /being held/)
  await expectStep(page, EX, 're-ask', 'done', /It asked `?since=1`? [\d,]+ ms after the answer/)
  await expectStep(page, EX, 'timeout-empty', 'done', /Held 5\.\d s \(`?timeout=5000`?\), then `?200`? with no messages/)
  await expectDone(page, EX)
  await expect(widget.locator('tr[data-kind="poll"]').filter({ hasText: '#1' })).toHaveCount(1)
  await expect(widget.locator('tr[data-empty="true"]').first()).toContainText(/5\.\d s · 200/)
  await widget.getByRole('button', { name: /Stop/ }).click()
})

test('lesson 03 exercise, typical mistakes: since=0 is never held; a one-second timeout is short polling again', async ({ page }) => {
  const widget = await open(page)
  await widget.getByLabel(/Message to post/).fill('an old message')
  await widget.getByRole('button', { name: 'Post', exact: true }).click()
  await expect(widget.getByRole('status').filter({ hasText: 'Posted #1' })).toBeVisible()
  await widget.getByLabel('Each request asks with').selectOption('zero')
  await widget.getByRole('button', { name: /Start long polling/ }).click()
  await expectStep(page, EX, 'held-until-news', 'wrong', /`?since=0`? asks for everything the feed holds/)
  await expect(widget.getByText(/this page waits 500 ms before asking again/)).toBeVisible()
  await widget.getByRole('button', { name: /Stop/ }).click()

  // the cursor with too short a timeout: steps 1 and 2 pass, step 3 explains. The timeout is
  // read at each request: the held one keeps its 5 s, the re-ask after the post gets 1 s.
  await widget.getByLabel('Each request asks with').selectOption('cursor')
  await widget.getByLabel(/Timeout/).selectOption('5000')
  await widget.getByRole('button', { name: /Start long polling/ }).click()
  await expect(widget.getByTestId('poll-pending')).toContainText(/held ([5-9]\d\d ms|\d+\.\d s)/, { timeout: 10_000 })
  await widget.getByLabel(/Timeout/).selectOption('1000')
  await postWhileHeld(widget, 'news in a short hold')
  await expectStep(page, EX, 'held-until-news', 'done')
  await expectStep(page, EX, 'timeout-empty', 'wrong', /timed out after 1\.0 s: that short, long polling turns back into short polling/)
  await widget.getByRole('button', { name: /Stop/ }).click()
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel(/Timeout/)).toHaveValue('5000')
  await expect(widget.getByLabel('Each request asks with')).toHaveValue('cursor')
})
