import type { Locator, Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 08: socket.io-client and a plain WebSocket on /socket.io/; the server checks the engine.io packets of the tab's sessions. */
async function openClient(page: Page, ex: string): Promise<Locator> {
  await page.goto('/learn/socket-io')
  // the client sits just above the first exercise: it loads when scrolled near
  await exercise(page, 'socketio-upgrade').scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="socketio-client"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, ex)
  return widget
}

async function connect(widget: Locator) {
  await widget.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(widget.getByRole('status')).toContainText('Connected', { timeout: 15_000 })
}

async function emit(widget: Locator, event: string, payload: string, ack = true) {
  await widget.getByLabel('Event name').fill(event)
  await widget.getByLabel('Payload (JSON)').fill(payload)
  const box = widget.getByLabel('with acknowledgement')
  if ((await box.isChecked()) !== ack) await box.click()
  await widget.getByRole('button', { name: 'Emit' }).click()
}

test('lesson 08 upgrade, by hand: open over polling, probe, upgrade, all in the packet log', async ({ page }) => {
  const EX = 'socketio-upgrade'
  const widget = await openClient(page, EX)
  await connect(widget)
  await expect(widget.getByRole('status')).toContainText('now over websocket (upgraded from polling)', { timeout: 15_000 })
  const log = widget.getByRole('region', { name: 'engine.io packets of this session' })
  await expect(log.locator('li[data-engine="open"][data-transport="polling"]')).toHaveCount(1)
  await expect(log.locator('li[data-engine="upgrade"][data-transport="websocket"]')).toHaveCount(1)
  await expectStep(page, EX, 'open-polling', 'done', /offers upgrades \["websocket"\]/)
  await expectStep(page, EX, 'probe', 'done')
  await expectStep(page, EX, 'upgrade', 'done')
  await expectDone(page, EX)
})

test('lesson 08 upgrade, typical mistake: WebSocket only, nothing to upgrade; the solution ticks polling again', async ({ page }) => {
  const EX = 'socketio-upgrade'
  const widget = await openClient(page, EX)
  await widget.getByLabel('polling').uncheck()
  await connect(widget)
  await expectStep(page, EX, 'open-polling', 'wrong', /opened straight over WebSocket.*Allow polling first/)
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel('polling')).toBeChecked()
  await expect(widget.getByLabel('upgrade to WebSocket')).toBeChecked()
})

test('lesson 08 acknowledgements, by hand: join the lobby, send a text, both acknowledged', async ({ page }) => {
  const EX = 'socketio-ack'
  const widget = await openClient(page, EX)
  await connect(widget)
  await emit(widget, 'join', '{"feed": "lobby"}')
  await expectStep(page, EX, 'join', 'done', /carries the same id as your emit/)
  await emit(widget, 'send', '{"text": "hello from the e2e test"}')
  await expect(widget.getByRole('region', { name: 'What your code received' })).toContainText('ack for "send"')
  await expectStep(page, EX, 'send-ack', 'done', /the feed EVENT that the server broadcast/)
  await expectDone(page, EX)
})

test('lesson 08 acknowledgements, typical mistakes: a misspelt event, an emit without a callback; the solution fills the form', async ({ page }) => {
  const EX = 'socketio-ack'
  const widget = await openClient(page, EX)
  await connect(widget)
  await emit(widget, 'jion', '{"feed": "lobby"}')
  await expectStep(page, EX, 'join', 'wrong', /no handler for "jion" \(did you mean join\?\)/)
  await emit(widget, 'join', '{"feed": "lobby"}', false)
  await expectStep(page, EX, 'join', 'wrong', /no ack id, and the server has nothing to answer/)
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(widget.getByLabel('Event name')).toHaveValue('join')
  await expect(widget.getByLabel('with acknowledgement')).toBeChecked()
  // the solution's first emit is in the form; after it, the second one
  await widget.getByRole('button', { name: 'Emit' }).click()
  await expect(widget.getByLabel('Event name')).toHaveValue('send')
  await expectStep(page, EX, 'join', 'done')
})

async function openRaw(page: Page, ex: string): Promise<Locator> {
  await page.goto('/learn/socket-io')
  await exercise(page, ex).scrollIntoViewIfNeeded()
  const raw = page.locator('[data-widget="raw-socket"]')
  await expect(raw).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, ex)
  await raw.getByRole('button', { name: 'Open', exact: true }).click()
  await expect(raw.getByRole('status')).toContainText('engine.io session')
  return raw
}

async function sendRaw(raw: Locator, text: string) {
  await raw.getByLabel('Message to send', { exact: true }).fill(text)
  await raw.getByRole('button', { name: 'Send', exact: true }).click()
}

test('lesson 08 by hand over a plain WebSocket: the open packet, 40, an event with an ack id', async ({ page }) => {
  const EX = 'socketio-by-hand'
  const raw = await openRaw(page, EX)
  await expectStep(page, EX, 'raw-open', 'done')
  await sendRaw(raw, '40')
  await expectStep(page, EX, 'raw-connect', 'done', /your socket is in namespace \//)
  await sendRaw(raw, '421["join",{"feed":"lobby"}]')
  const log = raw.getByRole('region', { name: 'Messages on this WebSocket' })
  await expect(log).toContainText('431[{"feed":"lobby"')
  await expect(log).toContainText('the server read: message EVENT')
  await expectStep(page, EX, 'raw-event', 'done')
  await expectDone(page, EX)
})

test('lesson 08 by hand, typical mistake: a plain text is no engine.io packet, the server hangs up', async ({ page }) => {
  const EX = 'socketio-by-hand'
  const raw = await openRaw(page, EX)
  await sendRaw(raw, 'hello')
  await expect(raw.getByRole('status')).toContainText('Closed 1005', { timeout: 10_000 })
  await expect(raw.getByRole('region', { name: 'Messages on this WebSocket' })).toContainText('the server read: invalid')
  await expectStep(page, EX, 'raw-connect', 'wrong', /You sent hello\. engine.io reads the first character as the packet type/)
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(raw.getByLabel('WebSocket URL')).toHaveValue('/socket.io/?EIO=4&transport=websocket')
  await expect(raw.getByLabel('Message to send', { exact: true })).toHaveValue('40')
})
