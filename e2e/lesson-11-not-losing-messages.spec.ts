import { exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { editorText, logRow } from './playground-page'
import { connectClient, openLesson, typeAndSend, unique } from './stomp-lesson'

/** Lesson 11: client-individual ACK/NACK redelivery, then receipts and transactions, on Alice's connection. */
// many steps, each waiting for the broker's verdict: room for a busy machine
test.describe.configure({ timeout: 120_000 })

const ACK = 'ack-redelivery'
const TX = 'receipts-and-transactions'
type Page = import('@playwright/test').Page

async function open(page: Page, exerciseId: string) {
  await openLesson(page, 'not-losing-messages', exerciseId, ['Alice'])
  await connectClient(page, 'Alice', 'connected')
}

test('lesson 11 ack exercise, solved by hand: ACK the second, NACK the first, the first comes back redelivered', async ({ page }) => {
  const topic = unique('/topic/greetings')
  await open(page, ACK)
  await typeAndSend(page, 'Alice', ['SUBSCRIBE', 'id:0', `destination:${topic}`, 'ack:client-individual', ''])
  await expectStep(page, ACK, 'subscribe', 'done', /`?ack:client-individual`?/)
  await typeAndSend(page, 'Alice', ['SEND', `destination:${topic}`, '', 'first', '^@', 'SEND', `destination:${topic}`, '', 'second'])
  // a fresh connection: its first deliveries carry ack-1 and ack-2
  await expectStep(page, ACK, 'two-messages', 'done', /with `?ack:ack-1`? and `?m-\d+`? with `?ack:ack-2`?/)
  await typeAndSend(page, 'Alice', ['ACK', 'id:ack-2', ''])
  await expectStep(page, ACK, 'ack-second', 'done', /left `?m-\d+`? \(`?ack:ack-1`?\) open/)
  await typeAndSend(page, 'Alice', ['NACK', 'id:ack-1', ''])
  await expectStep(page, ACK, 'redelivered', 'done', /came back with `?redelivered:true`?/)
  await expect(logRow(page, 'Alice', 'MESSAGE')).toHaveCount(3)
  await expectDone(page, ACK)
})

test('lesson 11 ack exercise, typical mistakes: ack:auto, then an ACK naming the message-id', async ({ page }) => {
  const topic = unique('/topic/greetings')
  await open(page, ACK)
  await typeAndSend(page, 'Alice', ['SUBSCRIBE', 'id:0', `destination:${topic}`, ''])
  await expectStep(page, ACK, 'subscribe', 'wrong', /`?ack:auto`?.*nothing to redeliver/)
  await typeAndSend(page, 'Alice', ['SUBSCRIBE', 'id:1', `destination:${topic}`, 'ack:client-individual', ''])
  await expectStep(page, ACK, 'subscribe', 'done')
  await typeAndSend(page, 'Alice', ['SEND', `destination:${topic}`, '', 'first', '^@', 'SEND', `destination:${topic}`, '', 'second'])
  await expectStep(page, ACK, 'two-messages', 'done')
  const text = await exercise(page, ACK).locator('li[data-step="two-messages"]').innerText()
  const second = /and `?(m-\d+)`? with/.exec(text)?.[1] ?? 'm-0'
  await typeAndSend(page, 'Alice', ['ACK', `id:${second}`, ''])
  await expectStep(page, ACK, 'ack-second', 'wrong', /named the `?message-id`?.*`?id:ack-\d+`?/)
  await exercise(page, ACK).getByRole('button', { name: 'Show solution' }).click()
  await expect(exercise(page, ACK)).toContainText('Solution filled in above.')
  await expect.poll(() => editorText(page, 'Alice')).toContain('ack:client-individual')
})

test('lesson 11 transactions exercise, via Show solution: a receipt, a COMMIT delivers, an ABORT never does', async ({ page }) => {
  await open(page, TX)
  await exercise(page, TX).getByRole('button', { name: 'Show solution' }).click()
  await expect.poll(() => editorText(page, 'Alice')).toContain('receipt:sub-1')
  await page.getByRole('button', { name: 'Send all frames of Alice' }).click()
  await expectStep(page, TX, 'receipt', 'done', /receipt-id:sub-1/)
  await expectStep(page, TX, 'commit', 'done', /delivered only after your COMMIT of `?tx-1`?/)
  await expectStep(page, TX, 'abort', 'done', /ABORT of `?tx-2`?/)
  await expect(logRow(page, 'Alice', 'RECEIPT')).toHaveCount(1)
  await expect(logRow(page, 'Alice', 'MESSAGE')).toHaveCount(1) // order 1 only: order 2 was aborted
  await expectDone(page, TX)
})

test('lesson 11 transactions exercise, typical mistake: a SEND without the transaction header is delivered at once', async ({ page }) => {
  const queue = unique('/queue/orders')
  await open(page, TX)
  await typeAndSend(page, 'Alice', ['SUBSCRIBE', 'id:0', `destination:${queue}`, 'receipt:r-1', ''])
  await expectStep(page, TX, 'receipt', 'done')
  await typeAndSend(page, 'Alice', ['BEGIN', 'transaction:tx-1', '', '^@', 'SEND', `destination:${queue}`, '', 'order 1', '^@', 'COMMIT', 'transaction:tx-1', ''])
  await expectStep(page, TX, 'commit', 'wrong', /had no `?transaction:tx-1`? header.*delivered it at once/)
})
