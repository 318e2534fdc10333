import { expectedLessons } from './course'
import { expect, test } from './fixtures'

const lessons = expectedLessons()
const first = lessons[0]

test('a lesson renders with build-time highlighted code and a language label', async ({ page }) => {
  await page.goto(`/learn/${first.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
  const httpBlock = page.locator('[data-code-block]').filter({ has: page.locator('code.language-http') }).first()
  await expect(httpBlock.getByText('HTTP', { exact: true })).toBeVisible()
  // Token spans come from the static HTML (rehype-highlight at build time), not from client JS.
  const html = await (await page.request.get(`/learn/${first.slug}`)).text()
  expect(html).toMatch(/<code class="hljs language-http"><span class="hljs-keyword">GET<\/span>/)
  await expect(httpBlock.locator('code span.hljs-attribute').first()).toBeVisible()
  await expect(httpBlock.getByRole('button', { name: 'Copy code' })).toBeVisible()
})

test('the copy button copies the code block', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`/learn/${first.slug}`)
  const block = page.locator('[data-code-block]').filter({ has: page.locator('code.language-http') }).first()
  await block.getByRole('button', { name: 'Copy code' }).click()
  await expect(block.getByRole('button', { name: 'Copied code' })).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(await block.locator('code').textContent())
})

test('headings are anchor links and external links open safely in a new tab', async ({ page }) => {
  await page.goto(`/learn/${first.slug}`)
  const h2 = page.locator('article h2').first()
  const id = await h2.getAttribute('id')
  expect(id).toBeTruthy()
  await expect(h2.getByRole('link')).toHaveAttribute('href', `#${id}`)
  const external = page.locator('article a[href^="https://"]').first()
  await expect(external).toHaveAttribute('rel', 'noopener noreferrer')
  await expect(external).toHaveAttribute('target', '_blank')
})

test('the sidebar lists the course by part and marks the current lesson', async ({ page }) => {
  for (const lesson of lessons) {
    await page.goto(`/learn/${lesson.slug}`)
    const sidebar = page.getByRole('navigation', { name: 'Course' })
    await expect(sidebar.getByRole('link')).toHaveCount(lessons.length)
    await expect(sidebar.getByRole('heading', { name: lesson.part })).toBeVisible()
    const current = sidebar.locator('a[aria-current="page"]')
    await expect(current).toHaveCount(1)
    await expect(current).toContainText(lesson.title)
    await expect(current).toHaveAttribute('href', `/learn/${lesson.slug}`)
  }
})

test('previous/next links follow the course order (none where there is none)', async ({ page }) => {
  for (const [index, lesson] of lessons.entries()) {
    await page.goto(`/learn/${lesson.slug}`)
    const previous = lessons[index - 1]
    const next = lessons[index + 1]
    const pager = page.getByRole('navigation', { name: 'Previous and next lesson' })
    if (!previous && !next) {
      await expect(pager).toHaveCount(0)
      continue
    }
    await expect(pager.locator('a[rel="prev"]')).toHaveCount(previous ? 1 : 0)
    await expect(pager.locator('a[rel="next"]')).toHaveCount(next ? 1 : 0)
    if (previous) await expect(pager.locator('a[rel="prev"]')).toHaveAttribute('href', `/learn/${previous.slug}`)
    if (next) {
      await pager.locator('a[rel="next"]').click()
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(next.title)
    }
  }
})
