import type { Page } from '@playwright/test'
import { expectedLessons } from './course'
import { expect, test } from './fixtures'

const lessons = expectedLessons()

test.use({ viewport: { width: 375, height: 812 } })

async function expectNoHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }))
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth)
}

for (const path of ['/', ...lessons.map((l) => `/learn/${l.slug}`), '/lab', '/playground']) {
  test(`375 px wide: no horizontal scroll on ${path}`, async ({ page }) => {
    await page.goto(path)
    await expectNoHorizontalScroll(page)
  })
}

test('375 px wide: every top-bar link and the theme button are visible and do not overlap', async ({ page }) => {
  await page.goto('/')
  const bar = page.getByRole('banner')
  const targets = [...(await bar.getByRole('navigation', { name: 'Main' }).getByRole('link').all()), bar.getByRole('button', { name: /theme/i })]
  expect(targets.length).toBeGreaterThanOrEqual(4) // Learn, Lab, Playground + the toggle
  const boxes = await Promise.all(targets.map(async (t) => (await t.boundingBox())!))
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(375)
  }
  for (let i = 1; i < boxes.length; i++) expect(boxes[i].x).toBeGreaterThanOrEqual(boxes[i - 1].x + boxes[i - 1].width)
  await expect(bar.getByRole('link', { name: 'Wirelab' })).toBeVisible()
})

test.describe('404 page', () => {
  test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] })
  test('375 px wide: no horizontal scroll on the 404 page', async ({ page }) => {
    await page.goto('/learn/no-such-lesson')
    await expectNoHorizontalScroll(page)
  })
})

test('375 px wide: the sidebar collapses into a disclosure button', async ({ page }) => {
  await page.goto(`/learn/${lessons[0].slug}`)
  const toggle = page.getByRole('button', { name: 'Course contents' })
  const sidebar = page.getByRole('navigation', { name: 'Course' })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(sidebar).toBeHidden()
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(sidebar).toBeVisible()
  await expect(sidebar.locator('a[aria-current="page"]')).toContainText(lessons[0].title)
  await toggle.click()
  await expect(sidebar).toBeHidden()
})

test('1280 px wide: the sidebar is always shown and the disclosure button is not', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`/learn/${lessons[0].slug}`)
  await expect(page.getByRole('navigation', { name: 'Course' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Course contents' })).toBeHidden()
})
