import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { card, connect, editorOf, logOf, logRow, statusOf, typeDocument } from './playground-page'

/**
 * /playground at 1280×720, the size of many a laptop: two clients side by side must be usable
 * without scrolling the page — editors with room to write, logs with room to read — and nothing
 * may push something else out of sight (settings, frame details, a third client).
 */
test.use({ viewport: { width: 1280, height: 720 } })
// each test types into Monaco and waits on a real broker: room for a loaded machine
test.describe.configure({ timeout: 60_000 })

/** Lines of text the editor shows at once (its visible height over Monaco's line height). */
async function editorLines(page: Page, name: string): Promise<number> {
  return editorOf(page, name).evaluate((root) => {
    const guard = root.querySelector<HTMLElement>('.overflow-guard')
    const line = root.querySelector<HTMLElement>('.view-line')
    if (guard === null || line === null) return 0
    return Math.floor((guard.clientHeight - 16) / line.getBoundingClientRect().height) // 8 px padding top and bottom
  })
}

/** Whole log rows in sight. */
async function logRows(log: Locator): Promise<number> {
  return log.evaluate((el) => Math.floor(el.clientHeight / 24))
}

/** Whether `inner` lies entirely inside `outer` on screen. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()]
  return a !== null && b !== null && a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5
}

test('two clients at 1280×720: no page scroll, editors of 10+ lines, logs of 6+ rows, the whole status line in view', async ({ page }) => {
  await page.goto('/playground')
  await connect(page, 'Alice')
  await connect(page, 'Bob')
  const { scrollHeight, innerHeight, scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth, innerWidth: document.documentElement.clientWidth,
  }))
  expect(scrollHeight, 'the page does not scroll').toBeLessThanOrEqual(innerHeight)
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth)
  for (const name of ['Alice', 'Bob']) {
    await expect(editorOf(page, name)).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
    expect(await editorLines(page, name), `${name}'s editor lines`).toBeGreaterThanOrEqual(10)
    expect(await logRows(logOf(page, name)), `${name}'s log rows`).toBeGreaterThanOrEqual(6)
    expect(await inside(logOf(page, name), card(page, name))).toBe(true)
    // subprotocol and session are read on the line itself, not in a tooltip
    const status = statusOf(page, name)
    for (const part of [/· v12\.stomp$/, /· session ws-\d+$/, /· Wirelab/]) {
      const span = status.locator('span').filter({ hasText: part })
      await expect(span).toBeVisible()
      expect(await inside(span, status), `${String(part)} inside ${name}'s status line`).toBe(true)
    }
    expect(await status.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
  }

  // The split handle shares the height between editor and log, from the keyboard too.
  const before = await editorLines(page, 'Alice')
  const handle = card(page, 'Alice').getByRole('separator', { name: 'Alice: height of the editor and of the log' })
  await handle.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect.poll(() => editorLines(page, 'Alice')).toBeGreaterThan(before)
  await page.keyboard.press('PageUp')
  await page.keyboard.press('PageUp')
  await expect.poll(() => logRows(logOf(page, 'Alice'))).toBeGreaterThan(6)
})

test('frame details keep five log rows in sight and stay inside the card; settings open over the editor and leave the log where it was', async ({ page }) => {
  await page.goto('/playground')
  await expect(editorOf(page, 'Alice')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  const log = logOf(page, 'Alice')
  const where = await log.boundingBox()

  // Settings (not connected yet, so not locked): over the editor, the log does not move, Tab
  // goes from the button into the settings.
  const settings = card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' })
  await settings.click()
  const panel = card(page, 'Alice').getByRole('group', { name: /Connection settings for Alice/ })
  await expect(panel).toBeVisible()
  expect(await log.boundingBox()).toEqual(where)
  expect(await inside(log, card(page, 'Alice'))).toBe(true)
  await settings.focus()
  await page.keyboard.press('Tab') // Remove Alice
  await page.keyboard.press('Tab')
  await expect(panel.getByLabel('Endpoint')).toBeFocused()
  await settings.click()
  await expect(panel).toBeHidden()
  await connect(page, 'Alice')

  // Details of CONNECTED: the headers are readable and the list keeps five rows.
  await logRow(page, 'Alice', 'CONNECTED').click()
  const details = card(page, 'Alice').getByRole('region', { name: /CONNECTED received/ })
  await expect(details.getByRole('rowheader', { name: 'version' })).toBeVisible()
  expect(await logRows(log)).toBeGreaterThanOrEqual(5)
  expect(await inside(details, card(page, 'Alice'))).toBe(true)
  await expect(logRow(page, 'Alice', 'CONNECTED')).toBeInViewport()
  await details.getByRole('button', { name: 'Close details' }).click()
  await expect.poll(() => logRows(log)).toBeGreaterThanOrEqual(6)
})

test('three clients: cards are shown whole, and focusing one brings it into view without cutting its neighbour', async ({ page }) => {
  await page.goto('/playground')
  await page.getByRole('button', { name: '+ Add client' }).click()
  const strip = page.getByRole('group', { name: 'Clients (3)' })
  await expect(card(page, 'Carol')).toBeVisible()

  /** Each card's share of its width in sight: 0 (scrolled away) or 1 (whole), never a part. */
  const shares = () =>
    strip.evaluate((el) => {
      const box = el.getBoundingClientRect()
      return Array.from(el.querySelectorAll('section[data-client]')).map((c) => {
        const r = c.getBoundingClientRect()
        const seen = Math.max(0, Math.min(r.right, box.right) - Math.max(r.left, box.left))
        return `${c.getAttribute('data-client')} ${Math.round((seen / r.width) * 100) / 100}`
      })
    })
  const whole = (list: string[]) => list.every((s) => s.endsWith(' 1') || s.endsWith(' 0'))
  expect(whole(await shares())).toBe(true)

  await card(page, 'Carol').getByRole('button', { name: 'Connect Carol', exact: true }).focus()
  await expect.poll(async () => whole(await shares())).toBe(true)
  await expect.poll(shares).toContain('Carol 1')
  await expect(card(page, 'Carol').getByRole('heading', { name: 'Carol' })).toBeInViewport({ ratio: 1 })

  await card(page, 'Alice').getByRole('button', { name: 'Connect Alice', exact: true }).focus()
  await expect.poll(shares).toContain('Alice 1')
  await expect.poll(async () => whole(await shares())).toBe(true)

  // Without the side panel three cards fit side by side.
  await page.getByRole('button', { name: 'Hide side panel' }).click()
  await expect.poll(shares).toEqual(['Alice 1', 'Bob 1', 'Carol 1'])
})

test('colours: commands are calm in the log and the editor, red is for ERROR; heart-beats are quiet', async ({ page }) => {
  await page.goto('/playground')
  // heart-beats every second both ways, to see them in the log
  const settings = card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' })
  await settings.click()
  await card(page, 'Alice').getByLabel('heart-beat: I send every (ms)').fill('1000')
  await card(page, 'Alice').getByLabel('I want every (ms)').fill('1000')
  await settings.click()
  await connect(page, 'Alice')
  const colour = (row: Locator) => row.locator('span').nth(2).evaluate((el) => getComputedStyle(el).color)
  const red = 'rgb(207, 34, 46)'
  // right away, while CONNECT and CONNECTED are in view: calm
  for (const command of ['CONNECT', 'CONNECTED']) expect(await colour(logRow(page, 'Alice', command))).not.toBe(red)
  const beat = logOf(page, 'Alice').getByRole('option', { name: /heart-beat/ }).first()
  await expect(beat).toBeVisible({ timeout: 10_000 })
  expect(await colour(beat)).toBe('rgb(87, 96, 106)') // --muted
  // a SEND without a destination: the broker answers ERROR, in red
  await typeDocument(page, 'Alice', ['SEND', '', 'no destination', '^@'])
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  const error = logRow(page, 'Alice', 'ERROR')
  await expect(error).toHaveCount(1, { timeout: 10_000 })
  expect(await colour(error)).toBe(red)
  // in the editor: the command token is not red either
  const token = editorOf(page, 'Alice').locator('.view-line span span').filter({ hasText: /^SEND$/ })
  expect(await token.evaluate((el) => getComputedStyle(el).color)).not.toBe(red)
})

test('the console in a card has room for the frame: a 46-character header line stays on one line, and heart-beats share one line', async ({ page }) => {
  const destination = `/topic/e2e.console.${Date.now()}` // "┃ destination:" + this = 46 characters
  await page.goto('/playground')
  const settings = card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' })
  await settings.click()
  await card(page, 'Alice').getByLabel('heart-beat: I send every (ms)').fill('1000')
  await card(page, 'Alice').getByLabel('I want every (ms)').fill('1000')
  await settings.click()
  await connect(page, 'Alice')
  const rows = card(page, 'Alice').locator('.xterm-rows')
  const lines = async () => (await rows.locator(':scope > div').allTextContents()).map((l) => l.replaceAll('\u00a0', ' ').trimEnd())
  const send = async (doc: string[]) => {
    await typeDocument(page, 'Alice', doc)
    await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  }
  // the console shows what Alice sends…
  await card(page, 'Alice').getByRole('tab', { name: 'Console' }).click()
  await expect(rows).toContainText('CONNECTED', { timeout: 15_000 })
  await send(['SUBSCRIBE', 'id:sub-0', `destination:${destination}`, '', '^@'])
  await expect.poll(lines).toContain(`│ destination:${destination}`)
  // …and what she receives
  await send(['SEND', `destination:${destination}`, '', 'echo', '^@'])
  await expect(rows).toContainText('MESSAGE', { timeout: 10_000 })
  await expect.poll(lines).toContain(`┃ destination:${destination}`)
  // a beat a second each way: one line that counts them, the MESSAGE stays in view
  await expect.poll(async () => (await lines()).filter((l) => /heart-beat/.test(l)).at(-1) ?? '', { timeout: 15_000 }).toMatch(/^[←→] ↵ {2}([4-9]|\d\d+) heart-beats \(\d+→ \d+←\) {2}\d\d:\d\d:\d\d\.\d{3}$/)
  const after = (await lines()).slice((await lines()).findIndex((l) => l.startsWith('← MESSAGE')))
  expect(after[0]).toMatch(/^← MESSAGE/)
  expect(after.filter((l) => /heart-beat/.test(l)).length).toBeLessThanOrEqual(1)
})
