import type { Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 07: a sockjs-client with a forced transport; the server checks the frames and requests of the tab's own sessions. */
const EX = 'sockjs-fallbacks'

async function open(page: Page) {
  await page.goto('/learn/sockjs-fallbacks')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="sockjs-fallbacks"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, EX)
  return widget
}

async function connectWith(page: Page, transports: string) {
  const widget = page.locator('[data-widget="sockjs-fallbacks"]')
  await widget.getByLabel(/^Allowed transports/).fill(transports)
  await widget.getByRole('button', { name: /^(Connect|Reconnect)$/ }).click()
}

test('lesson 07 exercise, solved by hand: websocket, then forced xhr-streaming and xhr-polling, a send, and the bill', async ({ page }) => {
  test.setTimeout(60_000)
  const widget = await open(page)
  await connectWith(page, '')
  await expect(widget.getByRole('status')).toContainText('Open over websocket (SockJS picked it', { timeout: 15_000 })
  await expectStep(page, EX, 'websocket', 'done')
  // the upgrade is the only request after /info
  await expect(widget.getByRole('region', { name: 'HTTP requests of this session' })).toContainText('101 upgrade')

  await widget.getByRole('button', { name: 'xhr-streaming', exact: true }).click()
  await widget.getByRole('button', { name: /^(Connect|Reconnect)$/ }).click()
  await expect(widget.getByRole('status')).toContainText('Open over xhr-streaming (forced)', { timeout: 15_000 })
  await expectStep(page, EX, 'xhr-streaming', 'done')
  await expect(widget.getByRole('region', { name: 'HTTP requests of this session' })).toContainText('open: the response is the stream')

  await connectWith(page, 'xhr-polling')
  await expectStep(page, EX, 'xhr-polling', 'done')
  await widget.getByLabel('Message to send').fill('hello from the e2e test')
  await widget.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(widget.getByRole('region', { name: 'SockJS frames' })).toContainText('sent by you: “hello from the e2e test”')
  await expectStep(page, EX, 'send-polling', 'done', /went up as its own POST \(xhr_send\).*xhr-polling: \d+ HTTP requests/)
  await expect(widget.getByRole('region', { name: 'HTTP requests of this session' })).toContainText('POST …/xhr_send')
  await expectDone(page, EX)
})

test('lesson 07 exercise, typical mistakes: expecting a fallback while WebSocket works, and a misspelt transport', async ({ page }) => {
  test.setTimeout(60_000)
  const widget = await open(page)
  await connectWith(page, '')
  await expectStep(page, EX, 'websocket', 'done')
  // "now show me the fallback": every transport still allowed, so SockJS picks websocket again
  await widget.getByRole('button', { name: /^(Connect|Reconnect)$/ }).click()
  await expectStep(page, EX, 'xhr-streaming', 'wrong', /picked websocket again: it falls back only when WebSocket fails/)

  // the URL's spelling instead of the transport's name
  await connectWith(page, 'xhr_streaming')
  await expect(widget.getByRole('alert')).toContainText('“xhr_streaming” is not a transport sockjs-client knows (did you mean xhr-streaming?)')
  await expect(widget.getByRole('status')).toContainText('Closed 2000 All transports failed', { timeout: 15_000 })
  await expectStep(page, EX, 'xhr-streaming', 'todo', /opened no session.*check the spelling/)

  await exercise(page, EX).getByRole('button', { name: 'Show a hint' }).click()
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel(/^Allowed transports/)).toHaveValue('xhr-polling')
  await expect(widget.getByLabel('Message to send')).toHaveValue('hello over polling')
})
