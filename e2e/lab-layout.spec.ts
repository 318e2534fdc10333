import type { Route } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * Layout of the /lab widgets while they work: nothing jumps when a state changes, and nothing
 * runs together on a phone.
 */

for (const width of [375, 1280]) {
  test(`transport race at ${width} px: the short-polling lane keeps its height from "polling" to "waiting for the next poll"`, async ({ page }) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width, height: 900 })
    // Hold one poll in flight on demand, so the lane is seen in both states.
    let hold = false
    let held: Route | null = null
    await page.route(/\/lab\/feeds\/[^/]+\/poll\?/, (route) => {
      if (!hold || held) return route.fallback()
      held = route
    })
    await page.goto('/lab')
    const race = page.locator('[data-widget="transport-race"]')
    await race.getByTestId('race-interval').selectOption('500')
    await race.getByRole('button', { name: /Start the race/ }).click()
    const lane = race.locator('[data-lane="short-poll"]')
    const state = race.getByTestId('lane-state-short-poll')
    // Settled: the server has measured this lane's latency.
    await expect(race.getByTestId('server-p50-short-poll')).toHaveText(/^server p50 \d/, { timeout: 30_000 })
    await expect(state).toHaveText('waiting for the next poll', { timeout: 30_000 })

    hold = true
    // The next poll is held here (the page shows "polling" as soon as its fetch starts, which can
    // be before the route handler has it: wait for the handler, then for the page).
    await expect.poll(() => held !== null, { timeout: 30_000, message: 'a poll held' }).toBe(true)
    await expect(state).toHaveText('polling', { timeout: 30_000 })
    const polling = (await lane.boundingBox())?.height
    await (held as Route | null)?.fallback()
    hold = false
    await expect(state).toHaveText('waiting for the next poll', { timeout: 30_000 })
    const waiting = (await lane.boundingBox())?.height

    expect(polling).toBeGreaterThan(0)
    expect(waiting).toBe(polling)
    await race.getByRole('button', { name: /Stop/ }).click()
  })
}

test('frame X-ray at 375 px: each header bit label fits its bits and none runs into another', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 })
  await page.goto('/lab')
  await page.locator('#xray').scrollIntoViewIfNeeded()
  const xray = page.locator('[data-widget="frame-xray"]').first()
  const send = xray.getByRole('button', { name: 'Send' })
  await expect(send).toBeEnabled({ timeout: 10_000 })
  await xray.getByRole('textbox').fill('bits')
  await send.click()
  await expect(xray.getByTestId('xray-text')).toContainText('bits', { timeout: 10_000 })

  const labels = await xray.locator('[data-bit-field]').evaluateAll((nodes) =>
    nodes.map((node) => {
      const el = node as HTMLElement
      const range = document.createRange()
      range.selectNodeContents(el)
      const text = range.getBoundingClientRect()
      return { name: el.textContent ?? '', fits: el.scrollWidth <= el.clientWidth, left: text.left, right: text.right, top: text.top, bottom: text.bottom }
    }),
  )
  expect(labels.map((l) => l.name)).toEqual(['FIN', 'R1', 'R2', 'R3', 'opcode', 'MASK', 'payload len'])
  for (const label of labels) expect(label.fits, `${label.name} fits its cells`).toBe(true)
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i], labels[j]]
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top
      expect(apart, `${a.name} and ${b.name} do not overlap`).toBe(true)
    }
  }
})
