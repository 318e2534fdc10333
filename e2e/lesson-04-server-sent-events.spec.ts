import type { Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 04: a real EventSource, cut by the server, its own reconnect with Last-Event-ID, a resume by hand. */
const EX = 'sse-resume'

async function open(page: Page) {
  await page.goto('/learn/server-sent-events')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="event-source"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, EX)
  await expect(widget.getByRole('button', { name: /Open EventSource/ })).toBeEnabled({ timeout: 15_000 })
  return widget
}

test('lesson 04 exercise, solved by hand: cut after 3 events, the browser comes back with Last-Event-ID, a new stream resumes by hand', async ({ page }) => {
  test.setTimeout(60_000)
  const widget = await open(page)
  await widget.getByLabel('The server cuts the stream').selectOption('3')
  await widget.getByRole('button', { name: /Open EventSource/ }).click()
  await expectStep(page, EX, 'cut-stream', 'done', /delivered #\d+, #\d+ and #\d+, then the server ended the response/)
  await expectStep(page, EX, 'auto-reconnect', 'done', /came back on its own [\d,]+ ms after the cut, with `?Last-Event-ID: \d+`?/)
  // the server's view of the reconnect: the header the browser added by itself
  await expect(widget.getByTestId('sse-connection').first().locator('td').nth(1)).toHaveText(/^\d+$/)
  await widget.getByRole('button', { name: /Close/ }).click()
  await expect(widget.getByTestId('sse-state')).toHaveText('readyState CLOSED')
  await page.waitForTimeout(1500) // the ticker goes on while nobody listens
  await widget.getByLabel(/Resume after the last id I received/).check()
  await expect(widget.locator('code').filter({ hasText: /lastEventId=\d+/ })).toBeVisible()
  await widget.getByRole('button', { name: /Open EventSource/ }).click()
  await expectStep(page, EX, 'resume-by-hand', 'done', /Resumed after #(\d+): the new stream began with #\d+, the very next one\. Nothing missed, nothing twice\./)
  await expectDone(page, EX)
  await widget.getByRole('button', { name: /Close/ }).click()
  // the raw stream as the server wrote it
  const response = widget.getByRole('region', { name: 'Response as the server wrote it' })
  await expect(response).toContainText('Content-Type: text/event-stream')
  await expect(response).toContainText(/retry: 2000/)
  await expect(response).toContainText(/: resuming after id \d+/)
})

test('lesson 04 exercise, typical mistake: opening a new EventSource instead of letting it reconnect sends no Last-Event-ID', async ({ page }) => {
  test.setTimeout(60_000)
  const widget = await open(page)
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel('The server cuts the stream')).toHaveValue('3')
  await widget.getByRole('button', { name: /Open EventSource/ }).click()
  await expectStep(page, EX, 'cut-stream', 'done')
  // the browser is about to reconnect by itself: close and open a new one instead
  await widget.getByRole('button', { name: /Close/ }).click()
  await widget.getByRole('button', { name: /Open EventSource/ }).click()
  await expectStep(page, EX, 'auto-reconnect', 'wrong', /carries no `?Last-Event-ID`?: it came from a new EventSource/)
  await widget.getByRole('button', { name: /Close/ }).click()
})

test('the stream reader shows a chunked NDJSON stream as it arrives, and the server\'s own report of it', async ({ page }) => {
  await page.goto('/learn/server-sent-events')
  // the reader loads when its placeholder is scrolled near
  await page.getByText('Loading the stream reader…').scrollIntoViewIfNeeded()
  const reader = page.locator('[data-widget="stream-reader"]')
  await expect(reader).toBeVisible({ timeout: 15_000 })
  await reader.getByRole('button', { name: /fetch\(\) and read/ }).click()
  await expect(reader.getByTestId('stream-text')).toContainText(/\{"id":\d+,"text":"tick \d+"/, { timeout: 10_000 })
  await expect(reader.getByRole('status')).toContainText('application/x-ndjson')
  await reader.getByRole('button', { name: /Stop reading/ }).click()
  await reader.getByText(/The same exchange as the server reported it/).click()
  await expect(reader.getByRole('region', { name: 'Response as the server wrote it' })).toContainText('Transfer-Encoding: chunked')
})
