import { createHash } from 'node:crypto'
import type { Locator, Page, Request } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * The /lab widgets against the real server, in Chromium: the transport race's numbers agree with
 * what this test saw cross the wire; the handshake view's Accept is the one the test recomputes
 * from the key it shows; the frame X-ray decodes the message the test typed. The fixtures fail a
 * test on any request that leaves localhost and on any console error.
 */

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const RACE_MS = 6000
const INTERVAL_MS = 500

const raw = async (lane: Locator, metric: string) => Number(await lane.locator(`[data-metric="${metric}"]`).getAttribute('data-raw'))

async function scrollTo(page: Page, id: string) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded()
}

test('the top bar links to the lab', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('banner').getByRole('link', { name: 'Lab', exact: true }).click()
  await expect(page).toHaveURL(/\/lab$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Play with the real wire')
})

test('transport race: the server counters match the requests the browser made', async ({ page }) => {
  test.setTimeout(45_000)
  const requests: Request[] = []
  const sockets: string[] = []
  page.on('request', (r) => requests.push(r))
  page.on('websocket', (ws) => sockets.push(ws.url()))

  await page.goto('/lab')
  const race = page.locator('[data-widget="transport-race"]')
  await expect(race).toBeVisible()
  await race.getByTestId('race-interval').selectOption(String(INTERVAL_MS))
  await race.getByTestId('race-rate').selectOption('250')
  await race.getByRole('button', { name: /Start the race/ }).click()

  const lane = (id: string) => race.locator(`[data-lane="${id}"]`)
  // Running: messages arrive on every lane.
  for (const id of ['short-poll', 'long-poll', 'sse', 'ws', 'sockjs']) {
    await expect.poll(() => raw(lane(id), 'messages'), { timeout: 10_000, message: `${id} receives messages` }).toBeGreaterThan(0)
  }
  await page.waitForTimeout(RACE_MS)
  await race.getByRole('button', { name: /Stop/ }).click()
  const duration = Number(await race.getByTestId('race-duration').getAttribute('data-ms'))
  await page.waitForTimeout(1200) // the final counters reading

  // The run's own client id, from the URLs the browser used.
  const pollRequests = requests.filter((r) => /\/lab\/feeds\/[^/]+\/poll\?/.test(r.url()))
  expect(pollRequests.length).toBeGreaterThan(2)
  const cid = new URL(pollRequests[0].url()).searchParams.get('cid')
  expect(cid).toMatch(/^[A-Za-z0-9_-]{10}$/)
  const mine = (r: Request) => new URL(r.url()).searchParams.get('cid') === cid

  // Short polling: one request per interval, and the server counted the ones the browser sent.
  const polls = pollRequests.filter(mine)
  const serverPolls = await raw(lane('short-poll'), 'requests')
  expect(Math.abs(serverPolls - polls.length), `server ${serverPolls} vs browser ${polls.length}`).toBeLessThanOrEqual(1)
  const expected = duration / INTERVAL_MS
  expect(polls.length).toBeGreaterThanOrEqual(Math.floor(expected * 0.7))
  expect(polls.length).toBeLessThanOrEqual(Math.ceil(expected) + 2)

  // Bytes include the request lines and headers: at least the request lines the test saw.
  const requestLines = polls.reduce((n, r) => n + `${r.method()} ${new URL(r.url()).pathname}${new URL(r.url()).search} HTTP/1.1\r\n`.length, 0)
  expect(await raw(lane('short-poll'), 'bytes-up')).toBeGreaterThanOrEqual(requestLines)
  const bodies = await Promise.all(polls.map(async (r) => (await (await r.response())?.body())?.length ?? 0))
  expect(await raw(lane('short-poll'), 'bytes-down')).toBeGreaterThan(bodies.reduce((a, b) => a + b, 0))

  // WebSocket: exactly one upgrade for the whole run, by the server's count and the browser's.
  const feedSockets = sockets.filter((u) => u.includes('/ws/feed') && new URL(u).searchParams.get('cid') === cid)
  expect(feedSockets).toHaveLength(1)
  expect(await raw(lane('ws'), 'requests')).toBe(1)
  expect(await raw(lane('ws'), 'bytes-down')).toBeGreaterThan(0)

  // SSE: one long response (the browser's EventSource did not need to reconnect).
  const sse = requests.filter((r) => /\/lab\/feeds\/[^/]+\/sse\?/.test(r.url()) && mine(r))
  expect(sse).toHaveLength(1)
  expect(await raw(lane('sse'), 'requests')).toBe(1)
  // Long polling: far fewer requests than short polling at this rate? No: one per message batch.
  expect(await raw(lane('long-poll'), 'requests')).toBeGreaterThan(0)
})

test('handshake view: the Accept shown is the one the test recomputes from the key shown', async ({ page }) => {
  const sockets: string[] = []
  page.on('websocket', (ws) => sockets.push(ws.url()))
  await page.goto('/lab')
  await scrollTo(page, 'handshake')
  const view = page.locator('[data-widget="handshake-view"]')
  const key = (await view.getByTestId('accept-key').textContent({ timeout: 10_000 })) ?? ''
  expect(key).toMatch(/^[A-Za-z0-9+/]{22}==$/)
  const expected = createHash('sha1').update(key + GUID).digest('base64')
  await expect(view.getByTestId('accept-computed')).toHaveText(expected)
  await expect(view.getByTestId('accept-server')).toHaveText(expected)
  await expect(view.getByTestId('accept-verdict')).toHaveAttribute('data-match', 'true')
  await expect(view.getByTestId('accept-sha1')).toHaveText(createHash('sha1').update(key + GUID).digest('hex').replace(/(..)(?=.)/g, '$1 '))

  // It is this widget's own connection: the request line carries the tag of the socket it opened.
  const requestLine = (await view.locator('pre').first().locator('span').first().textContent()) ?? ''
  const tag = /tag=([a-z0-9]+)/.exec(requestLine)?.[1]
  expect(requestLine).toMatch(/^GET \/ws\/echo\?/)
  expect(sockets.some((u) => u.includes(`tag=${tag}`))).toBe(true)
  await expect(view.locator('[data-header="sec-websocket-key"]')).toContainText(key)
})

test('frame X-ray: FIN, opcode and MASK of the message the test sends, unmasked with the real key', async ({ page }) => {
  await page.goto('/lab')
  await scrollTo(page, 'xray')
  const xray = page.locator('[data-widget="frame-xray"]').first()
  const send = xray.getByRole('button', { name: 'Send' })
  await expect(send).toBeEnabled({ timeout: 10_000 })
  const text = 'hello from e2e'
  await xray.getByRole('textbox').fill(text)
  await send.click()

  await expect(xray.getByTestId('xray-layers')).toHaveAttribute('data-dir', 'in', { timeout: 10_000 })
  await expect(xray.getByTestId('xray-text')).toContainText(text)
  await expect(xray.getByTestId('xray-ws-fin')).toHaveText(/^1 · final fragment/)
  await expect(xray.getByTestId('xray-ws-opcode')).toHaveText('0x1 · text')
  await expect(xray.getByTestId('xray-ws-mask')).toHaveText(/^1 · masked/)
  await expect(xray.getByTestId('xray-ws-len7')).toHaveText(`${text.length} octets`)
  const key = (await xray.getByTestId('xray-ws-mask-key').textContent()) ?? ''
  expect(key).toMatch(/^[0-9a-f]{8}$/)

  // The octets shown: 81, 0x80 | length, the key, then the payload masked with that key.
  const octets = (await xray.locator('[data-offset]').allTextContents()).map((h) => parseInt(h, 16))
  expect(octets.slice(0, 2)).toEqual([0x81, 0x80 | text.length])
  const k = Buffer.from(key, 'hex')
  expect(Buffer.from(octets.slice(2, 6))).toEqual(k)
  const unmasked = Buffer.from(octets.slice(6).map((b, i) => b ^ k[i % 4])).toString('utf8')
  expect(unmasked).toBe(text)
})

test('frame X-ray over /ws/stomp: the SEND is cut into STOMP command, headers, body and NUL, the body into JSON members', async ({ page }) => {
  await page.goto('/lab')
  await scrollTo(page, 'stomp-xray')
  const xray = page.locator('[data-widget="frame-xray"]').nth(1)
  const send = xray.getByRole('button', { name: 'Send' })
  await expect(send).toBeEnabled({ timeout: 10_000 })
  await xray.getByRole('textbox').fill('{"text":"über","n":2}')
  await send.click()

  const stomp = xray.getByTestId('xray-stomp')
  await expect(stomp.locator('[data-part]').first()).toContainText('SEND', { timeout: 10_000 })
  await expect(stomp).toContainText(/destination:\/topic\/xray-/)
  await expect(stomp).toContainText('content-type:application/json')
  await expect(stomp).toContainText('NUL: end of frame')
  await expect(xray.getByTestId('xray-json')).toContainText('"text": "über"')
  await expect(xray.getByTestId('xray-json')).toContainText('"n": 2')

  // Focusing the JSON member lights its octets: unmasked, they read "n":2.
  await xray.getByTestId('xray-json').locator('[data-part]').nth(1).focus()
  await xray.getByRole('button', { name: 'Unmasked' }).click()
  await xray.getByTestId('xray-json').locator('[data-part]').nth(1).focus()
  const lit = await xray.locator('[data-offset][class*="lit"]').allTextContents()
  expect(Buffer.from(lit.map((h) => parseInt(h, 16))).toString('utf8')).toBe('"n":2')

  // The broker routed it back: a MESSAGE arrives on the same connection.
  await expect(xray.getByRole('button', { name: /MESSAGE/ })).toBeVisible({ timeout: 10_000 })
})
