import { expectedLessons } from './course'
import { expect, test } from './fixtures'

const lessons = expectedLessons()

// Chromium logs the document's own 404 status as a console error; that one is expected here.
test.use({ allowedConsoleErrors: [/Failed to load resource: the server responded with a status of 404/] })

test('an unknown lesson is a 404 page that helps: course map and every lesson linked', async ({ page }) => {
  const response = await page.goto('/learn/nope')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist')
  await expect(page.getByRole('link', { name: 'Go to the course map' })).toHaveAttribute('href', '/#course')
  const main = page.getByRole('main')
  for (const lesson of lessons) await expect(main.getByRole('link', { name: new RegExp(escape(lesson.title)) })).toHaveAttribute('href', `/learn/${lesson.slug}`)
  await main.getByRole('link', { name: new RegExp(escape(lessons[0].title)) }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lessons[0].title)
})

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
