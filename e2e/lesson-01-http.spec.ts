import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'

/** Lesson 01: the raw request viewer and its exercise, checked by the server on the tab's own requests. */
const EX = 'http-raw-request'

async function open(page: import('@playwright/test').Page) {
  await page.goto('/learn/how-http-talks')
  // widgets load when scrolled near: go to the exercise, just below the request box
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const widget = page.locator('[data-widget="http-request"]')
  await expect(widget).toBeVisible({ timeout: 15_000 })
  await checkerReady(page, EX)
  return widget
}

async function sendRequest(page: import('@playwright/test').Page, text: string) {
  const box = page.getByLabel('Your request (request line, headers, a blank line, then the body)')
  await box.fill(text)
  await page.getByRole('button', { name: 'Send request' }).click()
}

test('lesson 01 exercise, solved by hand: the server reads the typed request, two requests share one connection, done is kept', async ({ page }) => {
  const widget = await open(page)
  await sendRequest(page, 'POST /lab/echo\nContent-Type: application/json\nX-Hello: wire\n\n{"hello": "wire"}')
  // the request as the server read it: the learner's header among the browser's own
  await expect(widget.getByRole('region', { name: 'The request as the server read it' })).toContainText('POST /lab/echo?cid=')
  await expect(widget.getByRole('region', { name: 'The request as the server read it' })).toContainText('x-hello: wire')
  await expectStep(page, EX, 'post-json', 'done')
  await expectStep(page, EX, 'own-header', 'done')
  await expectStep(page, EX, 'keep-alive', 'todo')
  await page.getByRole('button', { name: 'Send request' }).click()
  await expectStep(page, EX, 'keep-alive', 'done', /Both went over http-\d+/)
  await expect(widget.getByRole('table')).toContainText('(kept alive)')
  await expectDone(page, EX)

  // progress survives a reload and shows in the sidebar
  await page.reload()
  await expect(exercise(page, EX).getByTestId('exercise-state')).toHaveText(/✓ Completed/)
  await expect(page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /How HTTP talks/ })).toContainText('(done)')
  await page.getByRole('button', { name: /^Reset progress/ }).click()
  await expect(exercise(page, EX).getByTestId('exercise-state')).toHaveText('Not started')
})

test('lesson 01 exercise, typical mistakes: a GET and a body without Content-Type are explained, pointing at the request', async ({ page }) => {
  await open(page)
  await sendRequest(page, 'GET /lab/echo')
  await expectStep(page, EX, 'post-json', 'wrong', 'That was a GET')
  await expect(exercise(page, EX).locator('li[data-step="post-json"]')).toContainText('GET /lab/echo → 200 OK')
  await sendRequest(page, 'POST /lab/echo\n\nhello')
  await expectStep(page, EX, 'post-json', 'wrong', /Content-Type/)
  // a hint at a time, then the solution fills the request box
  await exercise(page, EX).getByRole('button', { name: 'Show a hint' }).click()
  await expect(exercise(page, EX).getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1)
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(page.getByLabel('Your request (request line, headers, a blank line, then the body)')).toHaveValue(/^POST \/lab\/echo\nContent-Type: application\/json\nX-Hello: wire/)
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
})

test('the raw request box explains a malformed request line before anything is sent', async ({ page }) => {
  await open(page)
  const box = page.getByLabel('Your request (request line, headers, a blank line, then the body)')
  await box.fill('post /lab/echo')
  await expect(page.locator('[data-widget="http-request"]').getByRole('alert')).toContainText('Methods are case-sensitive: write POST')
  await expect(page.getByRole('button', { name: 'Send request' })).toBeDisabled()
  await box.fill('GET https://example.com/')
  await expect(page.locator('[data-widget="http-request"]').getByRole('alert')).toContainText('only talks to Wirelab')
})
