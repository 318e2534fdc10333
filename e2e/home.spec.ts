import { expectedLessons, hasPage } from './course'
import { expect, test } from './fixtures'

const lessons = expectedLessons()

test('home is the course map: every lesson from content/ with title, summary and a Start link', async ({ page }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const course = page.getByRole('region', { name: 'The course' })
  const cards = course.getByRole('listitem')
  await expect(cards).toHaveCount(lessons.length)
  for (const [index, lesson] of lessons.entries()) {
    const card = cards.nth(index)
    await expect(card.getByRole('heading', { level: 4 })).toHaveText(lesson.title)
    await expect(card).toContainText(lesson.summary)
    const start = card.getByRole('link', { name: `Start: ${lesson.title}` })
    await expect(start).toHaveAttribute('href', `/learn/${lesson.slug}`)
  }
  const parts = [...new Set(lessons.map((l) => l.part))]
  for (const part of parts) await expect(course.getByRole('heading', { level: 3, name: part })).toBeVisible()
})

test('a Start link opens its lesson', async ({ page }) => {
  await page.goto('/')
  const first = lessons[0]
  await page.getByRole('link', { name: `Start: ${first.title}` }).click()
  await expect(page).toHaveURL(`/learn/${first.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
})

test('top bar: logo goes home, Learn goes to the course map, Lab/Playground only if their page exists', async ({ page }) => {
  await page.goto(`/learn/${lessons[0].slug}`)
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(nav.getByRole('link', { name: 'Learn' })).toHaveAttribute('aria-current', 'page')
  for (const [route, label] of [['lab', 'Lab'], ['playground', 'Playground']] as const) {
    await expect(nav.getByRole('link', { name: label, exact: true })).toHaveCount(hasPage(route) ? 1 : 0)
  }
  await page.getByRole('banner').getByRole('link', { name: 'Wirelab' }).click()
  await expect(page).toHaveURL('/')
  await nav.getByRole('link', { name: 'Learn' }).click()
  await expect(page).toHaveURL('/#course')
})

test('/learn on its own redirects to the course map', async ({ page }) => {
  await page.goto('/learn')
  await expect(page).toHaveURL('/#course')
  await expect(page.getByRole('heading', { name: 'The course' })).toBeVisible()
})
