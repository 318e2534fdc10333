import { expect, test } from './fixtures'
import { card, connect, editorOf, logRow, typeDocument } from './playground-page'

/**
 * /playground's pictures and colours: the Diagrams panel draws the tab's own traffic (sequence
 * and pub-sub map, from Wirelab's inspector) legibly, and the whole page — Monaco, xterm, logs —
 * follows the light/dark theme.
 */
test.use({ viewport: { width: 1280, height: 720 } })
test.describe.configure({ timeout: 60_000 })

test('Diagrams panel: the sequence and the pub-sub map drawn from this tab\'s own traffic, text legible at panel width, widen for more room', async ({ page }) => {
  test.setTimeout(60_000)
  const topic = `/topic/e2e.playground-diagrams.${Date.now()}`
  await page.goto('/playground')
  await connect(page, 'Alice')
  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:sub-0', `destination:${topic}`, '', '^@'])
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await connect(page, 'Bob')
  await typeDocument(page, 'Bob', ['SEND', `destination:${topic}`, '', 'hi from Bob', '^@'])
  await card(page, 'Bob').getByRole('button', { name: 'Send all frames of Bob' }).click()
  await expect(logRow(page, 'Alice', 'MESSAGE')).toHaveCount(1, { timeout: 10_000 })

  await page.getByRole('tab', { name: 'Diagrams' }).click()
  const sequence = page.getByRole('region', { name: 'Sequence (this tab)' })
  const svg = sequence.getByRole('figure').locator('svg')
  // participants named after the clients (by their CONNECTED session), and this tab's frames
  for (const text of ['Alice', 'Bob', 'Broker', `SUBSCRIBE ${topic} id:sub-0`, `SEND ${topic} "hi from Bob"`, `MESSAGE ${topic} "hi from Bob" subscription:sub-0`]) {
    await expect(svg, `the sequence shows ${text}`).toContainText(text, { timeout: 15_000 })
  }
  await expect(sequence.getByRole('alert')).toHaveCount(0)
  // legible in the side panel: a message's text is drawn at least 12 px high (it scrolls instead of shrinking)
  const label = svg.locator('text').filter({ hasText: `SEND ${topic}` }).first()
  expect((await label.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(12)

  const map = page.getByRole('region', { name: /Pub-sub map/ })
  const row = map.getByRole('list', { name: 'Destinations' }).getByRole('listitem').filter({ has: page.getByText(topic, { exact: true }) })
  await expect(row).toHaveAttribute('data-kind', 'topic', { timeout: 15_000 })
  await expect(row.getByText('1 published · 1 delivered')).toBeVisible()
  await expect(row.getByRole('list', { name: `Subscribers of ${topic}` }).getByRole('listitem')).toContainText('got 1')
  await expect(row.getByRole('list', { name: `Publishers to ${topic}` }).getByRole('listitem')).toContainText('sent 1')

  // Widen: the panel takes two thirds of the width, and gives it back.
  const side = page.getByRole('complementary', { name: 'Side panel' })
  const narrow = (await side.boundingBox())?.width ?? 0
  await page.getByRole('button', { name: 'Widen the side panel' }).click()
  await expect(page.getByRole('button', { name: 'Narrow the side panel' })).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBeGreaterThan(narrow * 1.8)
  await expect(svg).toContainText(`MESSAGE ${topic}`)
  await page.getByRole('button', { name: 'Narrow the side panel' }).click()
  await expect.poll(async () => (await side.boundingBox())?.width ?? 0).toBe(narrow)
})

test.describe('system dark', () => {
  test.use({ colorScheme: 'dark' })

  test('light/dark: the editor, the console and the logs follow the theme, and the toggle switches them all', async ({ page }) => {
    await page.goto('/playground')
    await connect(page, 'Alice')
    await card(page, 'Alice').getByRole('tab', { name: 'Console' }).click()
    const term = card(page, 'Alice').locator('.xterm-scrollable-element')
    await expect(card(page, 'Alice').locator('.xterm-rows')).toContainText('CONNECTED', { timeout: 15_000 })
    const monaco = editorOf(page, 'Alice').locator('.monaco-editor-background').first()
    const log = page.getByRole('listbox', { name: 'Combined frame log' })
    const bg = async () => ({
      page: await page.locator('body').evaluate((el) => getComputedStyle(el).backgroundColor),
      editor: await monaco.evaluate((el) => getComputedStyle(el).backgroundColor),
      console: await term.evaluate((el) => getComputedStyle(el).backgroundColor),
      log: await log.evaluate((el) => getComputedStyle(el).backgroundColor),
    })
    const DARK = { page: 'rgb(15, 20, 25)', editor: 'rgb(15, 20, 25)', console: 'rgb(11, 15, 20)', log: 'rgb(17, 22, 28)' }
    const LIGHT = { page: 'rgb(255, 255, 255)', editor: 'rgb(255, 255, 255)', console: 'rgb(246, 248, 250)', log: 'rgb(246, 248, 250)' }
    await expect.poll(bg).toEqual(DARK)
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await expect.poll(bg).toEqual(LIGHT)
    await page.getByRole('button', { name: 'Dark theme' }).click()
    await expect.poll(bg).toEqual(DARK)
  })
})
