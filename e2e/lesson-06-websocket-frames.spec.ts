import type { Locator, Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/**
 * Lesson 06: the WebSocket console on the learner's own /ws/echo connection; every kind of frame
 * crosses the wire and the server's checker reads their headers.
 */
const EX = 'ws-frames-by-hand'

async function open(page: Page): Promise<Locator> {
  await page.goto('/learn/websocket-frames')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const ws = page.locator('[data-widget="ws-console"]')
  await ws.scrollIntoViewIfNeeded()
  await expect(ws.getByTestId('console-state')).toHaveText('open', { timeout: 15_000 })
  await checkerReady(page, EX)
  return ws
}

const rows = (ws: Locator) => ws.getByTestId('console-frames').locator('tbody tr')

async function sendText(ws: Locator, text: string) {
  await ws.getByLabel(/Text message/).fill(text)
  await ws.getByRole('button', { name: 'Send text' }).click()
}

async function closeWith(ws: Locator, code: string, reason: string) {
  await ws.getByLabel('Code', { exact: true }).fill(code)
  await ws.getByLabel('Reason', { exact: true }).fill(reason)
  await ws.getByRole('button', { name: 'Close', exact: true }).click()
}

test('lesson 06 exercise, by hand: a 16-bit length, a binary frame, ping and pong, a close with 4000', async ({ page }) => {
  test.setTimeout(60_000) // many round trips through the checker; the shared machine can be slow
  const ws = await open(page)

  await ws.getByRole('button', { name: /^Long example/ }).click()
  await expect(ws.getByTestId('console-text-length')).toHaveText('143 octets → length 126 + a 16-bit length')
  await ws.getByRole('button', { name: 'Send text' }).click()
  // up and back: both with the 16-bit length form
  await expect(rows(ws).filter({ hasText: '143 (126 + 16-bit)' })).toHaveCount(2)
  await expectStep(page, EX, 'long-text', 'done', /Its header starts 81 fe 00 8f/)

  // take the browser's frame apart: MASK set, 126 in the length field
  await rows(ws).first().getByRole('button').click()
  const detail = ws.getByTestId('console-detail')
  await expect(detail.getByTestId('xray-ws-len7')).toContainText('126')
  await expect(detail.getByTestId('xray-ws-mask')).toContainText('1 · masked')

  await ws.getByLabel(/Binary message/).fill('01 02 03 ff')
  await ws.getByRole('button', { name: 'Send binary' }).click()
  await expect(rows(ws).filter({ hasText: 'binary' }).filter({ hasText: '01 02 03 ff' })).toHaveCount(2)
  await expectStep(page, EX, 'binary', 'done', 'Opcode 2')

  await ws.getByRole('button', { name: 'Ask for a ping' }).click()
  const pong = rows(ws).filter({ hasText: 'pong' })
  await expect(rows(ws).filter({ hasText: 'ping' }).filter({ hasText: '↓ server' }).filter({ hasText: 'wirelab' })).toHaveCount(1)
  await expect(pong).toHaveCount(1)
  await expect(pong).toContainText('↑ browser')
  await expect(pong).toContainText('wirelab')
  await expectStep(page, EX, 'ping-pong', 'done', 'without any JavaScript')

  await closeWith(ws, '4000', 'done')
  await expect(ws.getByTestId('console-state')).toHaveText(/closed: 4000 done/)
  await expect(rows(ws).filter({ hasText: '4000 Application' }).first()).toContainText('done')
  await expectStep(page, EX, 'close-4000', 'done', 'closed first, with 4000')
  await expectDone(page, EX)
})

test('lesson 06 exercise, typical mistakes: a short text, close codes the browser refuses, the server closing first', async ({ page }) => {
  test.setTimeout(60_000) // many round trips through the checker; the shared machine can be slow
  const ws = await open(page)

  await sendText(ws, 'Hello')
  await expectStep(page, EX, 'long-text', 'wrong', 'That text was 5 octets')

  // the browser refuses these before anything crosses the wire; the connection stays open
  for (const code of ['1001', '1005', '1006']) {
    await closeWith(ws, code, 'bye')
    await expect(ws.getByTestId('console-close-error')).toContainText('InvalidAccessError')
    await expect(ws.getByTestId('console-close-error')).toContainText('1000, or between 3000 and 4999')
    await expect(ws.getByTestId('console-state')).toHaveText('open')
  }
  await expect(ws.getByTestId('console-close-error')).toContainText('never sent in a Close frame')

  // the solution fills the console; send the three frames
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
  await expect(ws.getByLabel('Code', { exact: true })).toHaveValue('4000')
  await ws.getByRole('button', { name: 'Send text' }).click()
  await ws.getByRole('button', { name: 'Send binary' }).click()
  await ws.getByRole('button', { name: 'Ask for a ping' }).click()
  await expectStep(page, EX, 'ping-pong', 'done')

  // typing the echo server's close command makes the server close first
  await sendText(ws, 'close 4000 done')
  await expect(ws.getByTestId('console-state')).toHaveText(/closed: 4000/)
  await expectStep(page, EX, 'close-4000', 'wrong', 'The server closed first')

  // a new connection, closed by the browser this time
  await ws.getByRole('button', { name: 'Reconnect' }).click()
  await expect(ws.getByTestId('console-state')).toHaveText('open', { timeout: 15_000 })
  await ws.getByRole('button', { name: 'Close', exact: true }).click()
  await expectStep(page, EX, 'close-4000', 'done')
})
