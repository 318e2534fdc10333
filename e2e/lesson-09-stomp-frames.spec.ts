import { exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { card, editorOf, editorText, logRow, statusOf } from './playground-page'
import { connectClient, openLesson, typeAndSend, waitState } from './stomp-lesson'

/** Lesson 09: CONNECT written by hand in the lesson's client, an ERROR on purpose, the broker's close. */
// many steps, each waiting for the broker's verdict: room for a busy machine
test.describe.configure({ timeout: 120_000 })

const EX = 'stomp-connect-by-hand'
const open = (page: import('@playwright/test').Page) => openLesson(page, 'stomp-frames', EX, ['You'])

test('lesson 09 exercise, solved by hand: CONNECT typed, ERROR provoked, the broker closes, connect again and SEND', async ({ page }) => {
  await open(page)
  await connectClient(page, 'You', 'open')
  await expect(statusOf(page, 'You')).toContainText('socket open, waiting for CONNECTED')
  await typeAndSend(page, 'You', ['CONNECT', 'accept-version:1.2', 'host:localhost', ''])
  await waitState(page, 'You', 'connected')
  await expectStep(page, EX, 'connect', 'done', /`?CONNECTED`? says `?version:1\.2`?/)
  await expect(logRow(page, 'You', 'CONNECTED')).toBeVisible()

  await typeAndSend(page, 'You', ['SEND', 'content-type:text/plain', '', 'no destination'])
  await expectStep(page, EX, 'error', 'done', 'Missing header: destination')
  await expect(logRow(page, 'You', 'ERROR')).toBeVisible()
  // STOMP 1.2 §ERROR: the broker closes the connection after an ERROR
  await waitState(page, 'You', 'closed')
  await expect(statusOf(page, 'You')).toContainText('STOMP_ERR_MISSING_HEADER')
  await expectStep(page, EX, 'reconnect', 'todo', /Press Connect/)

  await connectClient(page, 'You', 'open')
  await typeAndSend(page, 'You', ['CONNECT', 'accept-version:1.2', 'host:localhost', ''])
  await waitState(page, 'You', 'connected')
  await typeAndSend(page, 'You', ['SEND', 'destination:/topic/hello', 'content-type:text/plain', '', 'hello, STOMP'])
  await expectStep(page, EX, 'reconnect', 'done', /ws-\d+ is gone.*new connection, ws-\d+/)
  await expectDone(page, EX)
})

test('lesson 09 exercise, typical mistakes: a lower-case command and a missing accept-version are explained; the solution fills the editor', async ({ page }) => {
  await open(page)
  await connectClient(page, 'You', 'open')
  await typeAndSend(page, 'You', ['connect', 'accept-version:1.2', 'host:localhost', ''])
  await expectStep(page, EX, 'connect', 'wrong', /case-sensitive upper-case words: write `?CONNECT`?/)
  await expect(exercise(page, EX).locator('li[data-step="connect"]')).toContainText('received ERROR message:Unknown command')
  await waitState(page, 'You', 'closed')

  await connectClient(page, 'You', 'open')
  await typeAndSend(page, 'You', ['CONNECT', 'host:localhost', ''])
  await expectStep(page, EX, 'connect', 'wrong', /no `?accept-version`?.*1\.0 client/)
  await expect(statusOf(page, 'You')).toContainText('STOMP 1.0')

  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
  await card(page, 'You').scrollIntoViewIfNeeded()
  await expect.poll(() => editorText(page, 'You')).toContain('accept-version:1.2')
  await expect(editorOf(page, 'You')).toBeVisible()
})
