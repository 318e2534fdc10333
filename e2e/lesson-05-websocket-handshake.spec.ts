import { createHash } from 'node:crypto'
import type { Locator, Page } from '@playwright/test'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/**
 * Lesson 05: the learner computes Sec-WebSocket-Accept for the key of their own /ws/echo
 * connection and sends it on that connection; the server checks it against the handshake it read.
 */
const EX = 'ws-compute-accept'
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const acceptOf = (key: string) => createHash('sha1').update(key + GUID).digest('base64')

async function open(page: Page): Promise<Locator> {
  await page.goto('/learn/websocket-handshake')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const calc = page.locator('[data-widget="accept-calculator"]')
  await calc.scrollIntoViewIfNeeded()
  await expect(calc.getByTestId('calc-key')).toHaveText(/^[A-Za-z0-9+/]{22}==$/, { timeout: 15_000 })
  await checkerReady(page, EX)
  return calc
}

async function sendMessage(calc: Locator, text: string) {
  await calc.getByLabel(/A text message for this connection/).fill(text)
  await calc.getByRole('button', { name: 'Send', exact: true }).click()
}

test('lesson 05 exercise, by hand with the calculator: key + GUID, SHA-1, base64, sent on the same connection, then again on a new one', async ({ page }) => {
  test.setTimeout(60_000) // many round trips through the checker; the shared machine can be slow
  const calc = await open(page)
  const key = (await calc.getByTestId('calc-key').textContent()) ?? ''
  // the server's Accept stays hidden until the learner asks for it
  await expect(calc.getByTestId('calc-accept-hidden')).toBeVisible()
  await expect(calc.getByTestId('calc-server-accept')).toHaveCount(0)

  await calc.getByLabel(/SHA-1 of a text/).fill(key + GUID)
  const sha1 = (await calc.getByTestId('calc-sha1').textContent()) ?? ''
  expect(sha1.replace(/ /g, '')).toBe(createHash('sha1').update(key + GUID).digest('hex'))
  await calc.getByLabel(/base64 of octets written in hex/).fill(sha1)
  const base64 = (await calc.getByTestId('calc-base64').textContent()) ?? ''
  expect(base64).toBe(acceptOf(key))
  await sendMessage(calc, base64)

  await expectStep(page, EX, 'open', 'done', key)
  await expectStep(page, EX, 'send-accept', 'done', `Sec-WebSocket-Accept: ${base64}`)
  // the widget shows the echo and now reveals the server's value: the same
  await expect(calc.getByTestId('calc-match')).toBeVisible()
  await expect(calc.getByTestId('calc-server-accept')).toHaveText(base64)
  await expectStep(page, EX, 'fresh-key', 'todo')

  // a new connection: a new key, so a new Accept
  const conn = (await calc.getByTestId('calc-conn').textContent()) ?? ''
  await calc.getByRole('button', { name: 'New connection' }).click()
  await expect(calc.getByTestId('calc-conn')).not.toHaveText(conn, { timeout: 15_000 })
  const key2 = (await calc.getByTestId('calc-key').textContent()) ?? ''
  expect(key2).not.toBe(key)
  await expect(calc.getByTestId('calc-state')).toHaveText('open')
  await sendMessage(calc, acceptOf(key2))
  await expectStep(page, EX, 'fresh-key', 'done', /New connection ws-\d+, new key/)
  await expectDone(page, EX)
})

test('lesson 05 exercise, typical mistakes: the key itself and the hex digest are explained, then the solution fills the calculator', async ({ page }) => {
  test.setTimeout(60_000) // many round trips through the checker; the shared machine can be slow
  const calc = await open(page)
  const key = (await calc.getByTestId('calc-key').textContent()) ?? ''
  const conn = (await calc.getByTestId('calc-conn').textContent()) ?? ''

  await sendMessage(calc, key)
  await expectStep(page, EX, 'send-accept', 'wrong', 'That is the key itself')
  await expect(exercise(page, EX).locator('li[data-step="send-accept"]')).toContainText(`on ${conn}`)

  await sendMessage(calc, createHash('sha1').update(key + GUID).digest('hex'))
  await expectStep(page, EX, 'send-accept', 'wrong', 'written as 40 hex digits')

  await sendMessage(calc, createHash('sha1').update(key).digest('base64'))
  await expectStep(page, EX, 'send-accept', 'wrong', 'the GUID is missing')

  // the calculator explains octets it cannot read
  await calc.getByLabel(/base64 of octets written in hex/).fill('b3 7z')
  await expect(calc.getByRole('alert')).toContainText('z is not a hex digit')

  // show solution: the three fields of the calculator, for this connection's key
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
  await expect(calc.getByLabel(/SHA-1 of a text/)).toHaveValue(key + GUID)
  await expect(calc.getByLabel(/A text message for this connection/)).toHaveValue(acceptOf(key))
  await calc.getByRole('button', { name: 'Send', exact: true }).click()
  await expectStep(page, EX, 'send-accept', 'done')
})
