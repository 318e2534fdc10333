import { exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { card, editorText, logRow } from './playground-page'
import { connectClient, openLesson, typeAndSend, unique, waitState } from './stomp-lesson'

/**
 * Lesson 10: Alice and Bob on one topic (fan-out) and one queue (round robin). Destinations are
 * shared by every connection on the server, so each test uses names of its own.
 */
// many steps, each waiting for the broker's verdict: room for a busy machine
test.describe.configure({ timeout: 120_000 })

const EX = 'pubsub-topic-and-queue'
const open = async (page: import('@playwright/test').Page) => {
  await openLesson(page, 'publish-subscribe', EX, ['Alice', 'Bob'])
  await connectClient(page, 'Alice', 'connected')
  await connectClient(page, 'Bob', 'connected')
}
const subscribe = (id: string, destination: string) => ['SUBSCRIBE', `id:${id}`, `destination:${destination}`, '']

test('lesson 10 exercise, solved by hand: one SEND reaches Alice and Bob on a topic, two SENDs are shared on a queue', async ({ page }) => {
  const topic = unique('/topic/greetings')
  const queue = unique('/queue/jobs')
  await open(page)
  await typeAndSend(page, 'Alice', subscribe('0', topic))
  await expectStep(page, EX, 'topic-subscribers', 'todo', /now subscribe the other client/)
  await typeAndSend(page, 'Bob', subscribe('0', topic))
  await expectStep(page, EX, 'topic-subscribers', 'done', /ws-\d+ and ws-\d+ are both subscribed/)

  await typeAndSend(page, 'Bob', ['SEND', `destination:${topic}`, '', 'hello, everyone'])
  await expectStep(page, EX, 'fan-out', 'done', /One SEND, two MESSAGEs: `?message-id:m-\d+`? reached ws-\d+ and ws-\d+/)
  // a MESSAGE in both logs
  await expect(logRow(page, 'Alice', 'MESSAGE')).toHaveCount(1)
  await expect(logRow(page, 'Bob', 'MESSAGE')).toHaveCount(1)

  await typeAndSend(page, 'Alice', subscribe('1', queue))
  await typeAndSend(page, 'Bob', subscribe('1', queue))
  await expectStep(page, EX, 'queue-subscribers', 'done')
  await typeAndSend(page, 'Bob', ['SEND', `destination:${queue}`, '', 'job 1', '^@', 'SEND', `destination:${queue}`, '', 'job 2'])
  await expectStep(page, EX, 'round-robin', 'done', /went to ws-\d+, `?m-\d+`? to ws-\d+: each message to exactly one consumer/)
  await expectDone(page, EX)
})

test('lesson 10 exercise, typical mistakes: two spellings of a topic, a SEND that reaches no one, a subscription id used twice', async ({ page }) => {
  const topic = unique('/topic/greetings')
  await open(page)
  await typeAndSend(page, 'Alice', subscribe('0', topic))
  await typeAndSend(page, 'Bob', subscribe('0', `${topic}s`))
  await expectStep(page, EX, 'topic-subscribers', 'wrong', /different topics.*exact name/)

  // Bob subscribes again to the right name, but with the id he already uses: ERROR, then close
  await typeAndSend(page, 'Bob', subscribe('0', topic))
  await expectStep(page, EX, 'topic-subscribers', 'wrong', /Duplicate subscription id.*its own `?id`?/)
  await waitState(page, 'Bob', 'closed')

  await card(page, 'Bob').getByRole('button', { name: 'Connect Bob', exact: true }).click()
  await waitState(page, 'Bob', 'connected')
  await typeAndSend(page, 'Bob', subscribe('0', topic))
  await expectStep(page, EX, 'topic-subscribers', 'done')
  await typeAndSend(page, 'Bob', ['SEND', `destination:${topic.replace('greetings', 'greeting')}`, '', 'hello?'])
  await expectStep(page, EX, 'fan-out', 'wrong', /which nobody subscribes to, so it reached no one/)

  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, EX)).toContainText('Solution filled in above.')
  // Monaco draws the visible lines only: the first frame of each
  await expect.poll(() => editorText(page, 'Alice')).toContain('destination:/topic/greetings')
  await expect.poll(() => editorText(page, 'Bob')).toContain('destination:/topic/greetings')
})
