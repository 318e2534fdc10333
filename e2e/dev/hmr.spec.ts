import type { WebSocket } from '@playwright/test'
import { expect, test } from '../fixtures'
import { ORIGINAL_TEXT, restoreProbe, setProbeText } from './probe-file'

/**
 * Hot reload through Wirelab's custom server (`npm run dev` = NODE_ENV=development tsx
 * server/main.ts): the browser's HMR WebSocket (/_next/…) goes through our upgrade router to
 * Next's private emitter, an edit to a component reaches the open page, and the page is patched
 * in place — same document (a marker on window survives), same React state (the click count).
 * Timeouts are generous: the first dev compile takes seconds to minutes on a loaded 2-core box.
 */
test.afterEach(() => restoreProbe())

test('an edit to a component shows in the open page without a reload, over the HMR WebSocket', async ({ page, baseURL }) => {
  test.setTimeout(240_000)
  const hmrSockets: WebSocket[] = []
  const hmrFramesAfterEdit: string[] = []
  let edited = false
  // What Next's HMR client and server say on that socket (Turbopack's messages; private to Next,
  // read only to know when the page is ready for an edit).
  const hmr = { subscribed: false, building: false }
  page.on('websocket', (ws) => {
    if (!new URL(ws.url()).pathname.startsWith('/_next/')) return
    hmrSockets.push(ws)
    ws.on('framesent', ({ payload }) => {
      if (String(payload).includes('"turbopack-subscribe"')) hmr.subscribed = true
    })
    ws.on('framereceived', ({ payload }) => {
      const text = typeof payload === 'string' ? payload : payload.toString('utf8')
      if (text.includes('"type":"building"')) hmr.building = true
      else if (/"type":"(built|sync)"/.test(text)) hmr.building = false
      if (edited) hmrFramesAfterEdit.push(text)
    })
  })
  let loads = 0
  page.on('load', () => loads++)

  await page.goto('/dev/hmr', { timeout: 180_000 })
  const probe = page.getByTestId('hmr-probe')
  await expect(probe).toHaveText(ORIGINAL_TEXT, { timeout: 120_000 })
  // Hydrated (the button responds), and its state is what Fast Refresh must keep.
  const button = page.getByRole('button', { name: /^Clicked/ })
  await expect(async () => {
    await button.click()
    await expect(button).toHaveText(/^Clicked [1-9]\d* times?$/, { timeout: 1000 })
  }).toPass({ timeout: 60_000 })
  const clicked = (await button.textContent()) ?? ''
  await page.evaluate(() => Object.assign(window, { __wirelabMarker: 'before the edit' }))
  // The HMR socket is Next's, served through our upgrade router on this same origin; the page has
  // subscribed to its chunks over it and no rebuild is in flight.
  await expect.poll(() => hmrSockets.length, { timeout: 60_000 }).toBeGreaterThan(0)
  expect(new URL(hmrSockets[0].url()).host).toBe(new URL(baseURL ?? '').host)
  await expect.poll(() => hmr.subscribed && !hmr.building, { timeout: 120_000, message: 'the HMR client subscribed and idle' }).toBe(true)
  const loadsBefore = loads

  try {
    edited = true
    let t0 = 0
    let token = ''
    let tries = 0
    // An edit that lands while the page is still subscribing can be missed by Next (seen on a loaded
    // machine); the next write of the file then carries it. Each try writes a new text.
    await expect(async () => {
      tries += 1
      token = `edited ${Date.now().toString(36)}`
      t0 = Date.now()
      setProbeText(token)
      await expect(probe).toHaveText(token, { timeout: 30_000 })
    }).toPass({ timeout: 150_000, intervals: [0] })
    const ms = Date.now() - t0
    test.info().annotations.push({ type: 'HMR edit → visible (ms)', description: String(ms) })
    console.log(`HMR: edit visible after ${ms} ms (write ${tries})`)
  } finally {
    restoreProbe()
  }

  // Patched in place: same window, same React state, no new load event.
  expect(await page.evaluate(() => (window as unknown as { __wirelabMarker?: string }).__wirelabMarker)).toBe('before the edit')
  await expect(button).toHaveText(clicked)
  expect(loads).toBe(loadsBefore)
  expect(hmrFramesAfterEdit.length, 'messages on the HMR socket after the edit').toBeGreaterThan(0)

  // Putting the file back is hot-reloaded too: the page shows the original text again.
  await expect(probe).toHaveText(ORIGINAL_TEXT, { timeout: 120_000 })
  expect(await page.evaluate(() => (window as unknown as { __wirelabMarker?: string }).__wirelabMarker)).toBe('before the edit')
})
