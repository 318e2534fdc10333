import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expectedLessons } from './course'
import { expect, test } from './fixtures'

/**
 * Every lesson builds, renders, and passes an accessibility scan of its headings and controls —
 * with its widgets loaded (they load when scrolled near, so the test scrolls the whole page
 * first) and its exercise panels shown.
 */
const lessons = expectedLessons()
// Some lessons load several Monaco editors, xterm and a worker: give the scan room on a busy machine.
test.describe.configure({ timeout: 60_000 })

// axe-core rules about headings, landmarks and controls (names, labels, ARIA use).
const RULES = [
  'page-has-heading-one', 'heading-order', 'empty-heading', 'landmark-one-main', 'region',
  'button-name', 'link-name', 'input-button-name', 'label', 'select-name', 'frame-title',
  'aria-allowed-attr', 'aria-required-attr', 'aria-required-children', 'aria-required-parent',
  'aria-valid-attr', 'aria-valid-attr-value', 'aria-roles', 'aria-command-name', 'aria-input-field-name',
  'aria-toggle-field-name', 'aria-hidden-focus', 'nested-interactive', 'duplicate-id-aria', 'tabindex',
  'list', 'listitem', 'definition-list', 'dlitem', 'image-alt', 'scrollable-region-focusable',
]

/** Scrolls to the bottom in steps so every lazily loaded widget mounts, then back to the top. */
async function loadEverything(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const atEnd = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight * 0.8)
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    })
    await page.waitForTimeout(120)
    if (atEnd) break
  }
  // widgets show their placeholder (aria-busy) until their code has loaded
  await expect(page.locator('main [aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 })
  await page.evaluate(() => window.scrollTo(0, 0))
}

for (const lesson of lessons) {
  test(`lesson ${String(lesson.number).padStart(2, '0')} ${lesson.slug}: renders its title, widgets and exercises, and passes the heading and control scan`, async ({ page }) => {
    await page.goto(`/learn/${lesson.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title)
    await expect(page.getByRole('region', { name: 'You will learn' })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: 'Recap' })).toBeVisible()
    await loadEverything(page)
    // every lesson is alive: at least one widget and one exercise panel
    expect(await page.locator('main [data-widget]').count()).toBeGreaterThan(0)
    expect(await page.locator('main section[data-exercise]').count()).toBeGreaterThan(0)

    const result = await new AxeBuilder({ page }).include('main').withRules(RULES).analyze()
    const violations = result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
    expect(violations, 'axe violations (headings and controls)').toEqual([])
  })
}
