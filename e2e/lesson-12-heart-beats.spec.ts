import { exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { card, editorText, logRow } from './playground-page'
import { connectClient, openLesson, typeAndSend, waitState } from './stomp-lesson'

/**
 * Lesson 12: heart-beats negotiated by hand, seen on the wire, then paused until the broker gives
 * up. No timed assertion: each step waits for the broker's own verdict, with room to spare.
 */
test.describe.configure({ timeout: 120_000 })

const EX = 'heartbeat-silence'
const open = (page: import('@playwright/test').Page) => openLesson(page, 'heart-beats', EX, ['Alice'])
const strip = (page: import('@playwright/test').Page) => page.locator('[data-widget="heartbeat-strip"]')

test('lesson 12 exercise, solved by hand: 2000,2000 negotiated, beats reach the broker, paused until the broker closes the connection', async ({ page }) => {
  await open(page)
  await connectClient(page, 'Alice', 'open')
  await typeAndSend(page, 'Alice', ['CONNECT', 'accept-version:1.2', 'host:localhost', 'heart-beat:2000,2000', ''])
  await waitState(page, 'Alice', 'connected')
  await expectStep(page, EX, 'negotiate', 'done', /max\(2000, 1000\) = 2000 ms, and the broker every max\(1000, 2000\) = 2000 ms/)
  await expect(strip(page)).toContainText('you → broker every 2000 ms, broker → you every 2000 ms')
  await expect(exercise(page, EX).locator('li[data-step="beats"]')).toHaveAttribute('data-status', 'done', { timeout: 30_000 })
  await expect(strip(page).getByTestId('heartbeat-summary')).toContainText(/[2-9]\d* heart-beats? and 1 frame from you/)

  // paused, the client sends nothing: the broker gives up after its window (a busy machine may
  // get there before any check of the paused look, so only the outcome is awaited)
  await strip(page).getByRole('button', { name: 'Pause heart-beats of Alice' }).click()
  await expect(exercise(page, EX).locator('li[data-step="silence"]')).toHaveAttribute('data-status', 'done', { timeout: 45_000 })
  await expectStep(page, EX, 'silence', 'done', /Heart-beat timeout/)
  await waitState(page, 'Alice', 'closed')
  await expect(logRow(page, 'Alice', 'ERROR')).toBeVisible()
  await expect(strip(page)).toContainText('The broker declared this connection dead.')
  await expectDone(page, EX)
})

test('lesson 12 exercise, typical mistakes: heart-beat:0,0 as given, then a malformed value; the solution fills the editor', async ({ page }) => {
  await open(page)
  await connectClient(page, 'Alice', 'open')
  // the lesson's CONNECT as it stands offers no heart-beats
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await waitState(page, 'Alice', 'connected')
  await expectStep(page, EX, 'negotiate', 'wrong', /first number is 0/)
  await expect(strip(page).getByRole('button', { name: 'Pause heart-beats of Alice' })).toBeDisabled()

  await card(page, 'Alice').getByRole('button', { name: 'Disconnect Alice', exact: true }).click()
  await waitState(page, 'Alice', 'closed')
  await connectClient(page, 'Alice', 'open')
  await typeAndSend(page, 'Alice', ['CONNECT', 'accept-version:1.2', 'host:localhost', 'heart-beat:2000, 2000', ''])
  await expectStep(page, EX, 'negotiate', 'wrong', /Bad heart-beat/)

  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
  await expect.poll(() => editorText(page, 'Alice')).toContain('heart-beat:2000,2000')
})
