import type { Page } from '@playwright/test'
import { expectedLessons } from './course'
import { expect, test } from './fixtures'

const lesson = expectedLessons()[0]

/** Loads `path` with every JS chunk held back: what the page looks like before hydration. */
async function beforeHydration(page: Page, path: string) {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/_next/static/**/*.js', async (route) => {
    await held
    await route.fallback()
  })
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  const state = await page.evaluate(() => ({
    theme: document.documentElement.getAttribute('data-theme'),
    background: getComputedStyle(document.body).backgroundColor,
  }))
  release()
  await page.unroute('**/_next/static/**/*.js')
  return state
}

const DARK_BG = 'rgb(15, 20, 25)'
const LIGHT_BG = 'rgb(255, 255, 255)'

test.describe('system light', () => {
  test.use({ colorScheme: 'light' })

  test('the toggle switches to dark, persists across reload, and is applied before hydration (no flash)', async ({ page }) => {
    await page.goto(`/learn/${lesson.slug}`)
    const html = page.locator('html')
    await expect(html).toHaveAttribute('data-theme', 'light')
    const toggle = page.getByRole('button', { name: 'Dark theme' })
    await expect(toggle).toHaveAttribute('aria-pressed', 'false')
    await toggle.click()
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await expect(toggle).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('body')).toHaveCSS('background-color', DARK_BG)

    // Reload with the app's JS held back: the inline <head> script alone already applied dark.
    expect(await beforeHydration(page, `/learn/${lesson.slug}`)).toEqual({ theme: 'dark', background: DARK_BG })
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')

    // And back: light is remembered too, on another page.
    await page.getByRole('button', { name: 'Dark theme' }).click()
    expect(await beforeHydration(page, '/')).toEqual({ theme: 'light', background: LIGHT_BG })
  })
})

test.describe('system dark', () => {
  test.use({ colorScheme: 'dark' })

  test('with no stored choice the theme follows the system, before hydration', async ({ page }) => {
    expect(await beforeHydration(page, '/')).toEqual({ theme: 'dark', background: DARK_BG })
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
  })

  test('a live system change is followed while no choice is stored', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'false')
  })
})
