import { expectedLessons } from './course'
import { expect, test } from './fixtures'

const lesson = expectedLessons()[0]

for (const path of ['/', `/learn/${lesson.slug}`]) {
  test(`keyboard: the skip link is the first stop and moves focus to the content (${path})`, async ({ page }) => {
    await page.goto(path)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(page.locator('main#main')).toBeFocused()
    // The next Tab lands inside the main content, past the top bar and the sidebar.
    await page.keyboard.press('Tab')
    const insideMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')))
    expect(insideMain).toBe(true)
  })
}

test('keyboard: every control in the top bar has an accessible name and a visible focus ring', async ({ page }) => {
  await page.goto(`/learn/${lesson.slug}`)
  const controls = page.getByRole('banner').locator('a, button')
  const count = await controls.count()
  expect(count).toBeGreaterThan(2)
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    await control.focus()
    const { name, outline } = await control.evaluate((el) => ({
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      outline: getComputedStyle(el).outlineStyle,
    }))
    expect(name, 'accessible name').not.toBe('')
    expect(outline, 'focus ring').not.toBe('none')
  }
})
