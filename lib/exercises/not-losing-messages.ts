/**
 * Lesson 11, not losing messages. Two exercises over the learner's own frames:
 * - `ack-redelivery` (the course issue's own example): SUBSCRIBE with ack:client-individual,
 *   receive two MESSAGEs, ACK the second but not the first, NACK the first and see it redelivered
 *   (STOMP 1.2 §SUBSCRIBE_ack_Header, §ACK, §NACK — checklist 46, 54, 57);
 * - `receipts-and-transactions`: a RECEIPT for a SEND, a committed transaction delivered at
 *   COMMIT, an aborted one never delivered (§Header_receipt, §BEGIN, §COMMIT, §ABORT — 64, 60).
 */
import type { BrokerSubscriptionEvent } from '../inspect/events'
import { header, ordered, routes, stepDone, stepTodo, stepWrong, stompFrames, subscriptions, type StepCheck, type StepOutcome } from './query'
import { closedAfter, errorFirstSentence, errorFor, errorText, ownConns } from './stomp-wire'
import { replayTransactions, settleTimeline, type Delivery } from './stomp-transactions'
import type { ExerciseDef } from './types'

// ── ack-redelivery ─────────────────────────────────────────────────────────────────────────────

const subscribeIndividual: StepCheck = (events, from) => {
  const adds = subscriptions(events, from).filter(({ event }) => event.action === 'add')
  const good = adds.find(({ event }) => event.ack === 'client-individual')
  if (good) return stepDone(good, `Subscription \`${good.event.id}\` on \`${good.event.destination}\` with \`ack:client-individual\`: the broker now waits for your ACK or NACK of each message.`)
  const refused = stompFrames(events, 'in', 'SUBSCRIBE', from).map((f) => errorFor(events, f)).filter((e) => e !== undefined).at(-1)
  const last = adds.at(-1)
  if (refused && refused.index > (last?.index ?? -1)) {
    return stepWrong(`That SUBSCRIBE got ${errorText(refused.event)}. ${errorFirstSentence(refused.event)} Press Connect and subscribe again.`, refused)
  }
  if (!last) return stepTodo()
  if (last.event.ack === 'auto') {
    return stepWrong(`Subscription \`${last.event.id}\` has \`ack:auto\` (what you get when you leave \`ack\` out): the broker counts each MESSAGE as acknowledged the moment it sends it, so there would be nothing to redeliver. Subscribe again with \`ack:client-individual\` and a new \`id\`.`, last)
  }
  return stepWrong(`\`ack:client\` is cumulative: an ACK of the second message acknowledges the first as well (STOMP 1.2 §SUBSCRIBE ack header), so the first could never come back. Subscribe again with \`ack:client-individual\` and a new \`id\`.`, last)
}

/** The subscription step 1 settled on. */
function chosen(earlier: readonly StepOutcome[]): BrokerSubscriptionEvent | undefined {
  const at = earlier[0]?.at?.event
  return at?.type === 'broker.subscription' ? at : undefined
}

const twoMessages: StepCheck = (events, from, earlier) => {
  const sub = chosen(earlier)
  if (!sub) return stepTodo()
  const got = settleTimeline(events, sub.conn, sub.id, from).filter((e) => e.kind === 'delivery')
  if (got.length >= 2 && got[1].kind === 'delivery') {
    const [a, b] = [got[0].delivery, got[1].delivery]
    return stepDone(b.frame, `Two MESSAGEs: \`${a.messageId}\` with \`ack:${a.ackId}\` and \`${b.messageId}\` with \`ack:${b.ackId}\`. The \`ack\` header is what ACK and NACK name.`)
  }
  if (got.length === 1 && got[0].kind === 'delivery') return stepTodo(`One so far: \`${got[0].delivery.messageId}\` (\`ack:${got[0].delivery.ackId}\`). Send another to \`${sub.destination}\`.`)
  const closed = closedAfter(events, sub.conn, earlier[0]?.at?.index ?? from)
  if (closed) return stepWrong(`${sub.conn} closed (${closed.event.reason ?? 'no reason given'}) and its subscription with it. Press Connect and subscribe again.`, closed)
  return stepTodo()
}

/** ACK a later delivery while an earlier one stays unacknowledged. */
const ackLater: StepCheck = (events, from, earlier) => {
  const sub = chosen(earlier)
  if (!sub) return stepTodo()
  const received: Delivery[] = []
  const settled = new Set<string>()
  let last: StepOutcome | undefined
  for (const e of settleTimeline(events, sub.conn, sub.id, earlier[0]?.at?.index ?? from)) {
    if (e.kind === 'delivery') {
      received.push(e.delivery)
      continue
    }
    const target = received.find((d) => d.ackId === e.id)
    if (e.error || !target) {
      const byMessageId = received.find((d) => d.messageId === e.id)
      const hint = byMessageId
        ? ` You named the \`message-id\`; in STOMP 1.2 ACK and NACK take the MESSAGE's \`ack\` header: \`id:${byMessageId.ackId}\`.`
        : ` The ids to use are the \`ack\` headers of your MESSAGEs: ${received.map((d) => `\`${d.ackId}\``).join(', ') || 'none received yet'}.`
      last = stepWrong(`Your ${e.frame.event.command} \`id:${e.id}\`${e.error ? ` got ${errorText(e.error.event)}` : ' names no message of this subscription'}.${hint}${e.error ? ' The broker closed the connection: press Connect and start again from SUBSCRIBE.' : ''}`, e.error ?? e.frame)
      continue
    }
    const firstOpen = received.find((d) => !settled.has(d.ackId))
    settled.add(target.ackId)
    if (e.kind === 'ack' && firstOpen && firstOpen.ackId !== target.ackId) {
      return stepDone(e.frame, `You acknowledged \`${target.messageId}\` and left \`${firstOpen.messageId}\` (\`ack:${firstOpen.ackId}\`) open: with client-individual, an ACK covers only the message it names.`)
    }
    if (e.kind === 'ack') last = stepWrong(`You ACKed \`${target.messageId}\`, the oldest open message. The exercise wants the *second* acknowledged and the first left open: receive another message and ACK that one instead.`, e.frame)
    else last = stepWrong(`You NACKed \`${target.messageId}\` before ACKing a later one. First ACK the second message, leaving the first open; the NACK comes next.`, e.frame)
  }
  return last ?? stepTodo()
}

const redelivered: StepCheck = (events, from, earlier) => {
  const sub = chosen(earlier)
  const ack = earlier[2]?.at
  if (!sub || !ack) return stepTodo()
  // the delivery left open when the second was ACKed
  const timeline = settleTimeline(events, sub.conn, sub.id, earlier[0]?.at?.index ?? 0)
  const acked = new Set<string>()
  let open: Delivery | undefined
  for (const e of timeline) {
    if (e.kind !== 'delivery' && e.frame.index <= ack.index) acked.add(e.id)
    if (e.kind === 'delivery' && e.delivery.frame.index < ack.index && !acked.has(e.delivery.ackId)) open ??= e.delivery
  }
  if (!open) return stepTodo()
  const again = stompFrames(events, 'out', 'MESSAGE', from).find(({ event }) => header(event, 'message-id') === open.messageId && header(event, 'redelivered') === 'true')
  if (again) return stepDone(again, `\`${open.messageId}\` came back with \`redelivered:true\`${again.event.conn === sub.conn ? '' : ` on ${again.event.conn}`} and a new \`ack:${header(again.event, 'ack') ?? '?'}\`: nothing you did not acknowledge is lost.`)
  for (const e of timeline) {
    if (e.kind === 'delivery' || e.frame.index <= ack.index) continue
    if (e.error) return stepWrong(`Your ${e.frame.event.command} \`id:${e.id}\` got ${errorText(e.error.event)}. Name the first message's ack id, \`${open.ackId}\`.`, e.error)
    if (e.kind === 'ack' && e.id === open.ackId) return stepWrong(`You ACKed \`${open.messageId}\` as well, so the broker forgot it: there is nothing left to redeliver. NACK means "give it back"; start over with two new messages.`, e.frame)
  }
  const closed = closedAfter(events, sub.conn, ack.index)
  if (closed && sub.destination.startsWith('/topic/')) {
    return stepWrong(`${sub.conn} closed with \`${open.messageId}\` unacknowledged. On a topic an unacknowledged copy ends with its subscription (a queue would requeue it for another consumer). Reconnect, and this time send a NACK for it while still connected.`, closed)
  }
  return stepTodo()
}

export const ackRedelivery: ExerciseDef = {
  id: 'ack-redelivery',
  title: 'Acknowledge one, refuse the other',
  goal: 'Subscribe with `ack:client-individual`, receive two messages, ACK the second but not the first, then NACK the first and watch the broker redeliver it.',
  steps: [
    { id: 'subscribe', label: 'Subscribe to `/topic/greetings` with `ack:client-individual`.' },
    { id: 'two-messages', label: 'Send two messages to it, and receive both (each `MESSAGE` has an `ack` header).' },
    { id: 'ack-second', label: 'ACK the second message (`id` = its `ack` header), not the first.' },
    { id: 'redelivered', label: 'NACK the first message and see it come back with `redelivered:true`.' },
  ],
  hints: [
    'Add the header `ack:client-individual` to your SUBSCRIBE. Without an `ack` header a subscription is `auto`.',
    'ACK and NACK carry one header, `id`, whose value is the `ack` header of the MESSAGE (not its `message-id`). The editor completes the ids you received.',
    'On a fresh connection the first two MESSAGEs carry `ack:ack-1` and `ack:ack-2`: send `ACK` with `id:ack-2`, then `NACK` with `id:ack-1`.',
  ],
  solution: [
    {
      target: 'stomp',
      client: 'Alice',
      value:
        'SUBSCRIBE\nid:0\ndestination:/topic/greetings\nack:client-individual\n\n^@\n\nSEND\ndestination:/topic/greetings\n\nfirst\n^@\n\nSEND\ndestination:/topic/greetings\n\nsecond\n^@\n\nACK\nid:ack-2\n\n^@\n\nNACK\nid:ack-1\n\n^@\n',
    },
  ],
  explanation:
    'Send the frames one by one (Ctrl+Enter in each). Each MESSAGE carries an ack header; on a fresh connection they are ack-1 and ack-2 (check your log). ACK id:ack-2 settles only the second message: in client-individual mode an ACK is not cumulative. NACK id:ack-1 tells the broker you did not process the first, and it redelivers it with redelivered:true and a new ack id. With ack:client, the ACK of the second would have settled the first as well.',
  check: ordered([
    ['subscribe', subscribeIndividual],
    ['two-messages', twoMessages],
    ['ack-second', ackLater],
    ['redelivered', redelivered],
  ]),
}

// ── receipts-and-transactions ──────────────────────────────────────────────────────────────────

const receipt: StepCheck = (events, from) => {
  let last: StepOutcome | undefined
  for (const f of stompFrames(events, 'in', undefined, from)) {
    const id = header(f.event, 'receipt')
    if (id === undefined) continue
    if (f.event.command === 'CONNECT' || f.event.command === 'STOMP') {
      last = stepWrong('A `receipt` on CONNECT is not allowed (STOMP 1.2 §Header receipt): CONNECTED is its answer, so the broker ignores it. Put `receipt` on a SEND.', f)
      continue
    }
    const error = errorFor(events, f)
    const answer = stompFrames(events, 'out', 'RECEIPT', f.index + 1).find(({ event }) => event.conn === f.event.conn && header(event, 'receipt-id') === id)
    if (answer) return stepDone(answer, `\`RECEIPT receipt-id:${id}\`: the broker has processed your ${f.event.command}.`)
    if (error) last = stepWrong(`Instead of a RECEIPT your ${f.event.command} got ${errorText(error.event)}${header(error.event, 'receipt-id') === id ? ` (note its \`receipt-id:${id}\`: it names the frame that failed)` : ''}. ${errorFirstSentence(error.event)}`, error)
  }
  return last ?? stepTodo()
}

const committed: StepCheck = (events, from) => {
  const own = ownConns(events)
  let last: StepOutcome | undefined
  for (const tx of replayTransactions(events, from)) {
    if (tx.error) {
      last = stepWrong(`In transaction \`${tx.id}\` the broker answered ${errorText(tx.error.event)}. ${errorFirstSentence(tx.error.event)}`, tx.error)
      continue
    }
    if (tx.end?.event.command !== 'COMMIT') continue
    const end = tx.end
    if (tx.sends.length === 0) {
      const plain = tx.plainSends[0]
      last = plain
        ? stepWrong(`The SEND between BEGIN and COMMIT had no \`transaction:${tx.id}\` header, so it was not part of the transaction: the broker delivered it at once. Add the header to the SEND.`, plain)
        : stepWrong(`Transaction \`${tx.id}\` was committed with nothing in it. Put a SEND with \`transaction:${tx.id}\` between BEGIN and COMMIT.`, end)
      continue
    }
    const destinations = new Set(tx.sends.map(({ event }) => header(event, 'destination')))
    const delivered = routes(events, end.index + 1).find(({ event }) => event.conn === tx.conn && destinations.has(event.destination))
    if (delivered && delivered.event.deliveredTo.some((d) => own.has(d.conn))) {
      return stepDone(delivered, `\`${delivered.event.messageId}\` was delivered only after your COMMIT of \`${tx.id}\`: until then the broker held the SEND.`)
    }
    if (delivered) last = stepWrong(`Committed, and the broker routed \`${delivered.event.messageId}\` to \`${delivered.event.destination}\`, but none of your subscriptions is there, so you could not see it arrive. Subscribe to \`${delivered.event.destination}\` first, then repeat BEGIN, SEND, COMMIT.`, delivered)
  }
  return last ?? stepTodo()
}

const aborted: StepCheck = (events, from) => {
  let last: StepOutcome | undefined
  for (const tx of replayTransactions(events, from)) {
    if (tx.error) {
      last = stepWrong(`In transaction \`${tx.id}\` the broker answered ${errorText(tx.error.event)}. ${errorFirstSentence(tx.error.event)}`, tx.error)
      continue
    }
    if (tx.end?.event.command !== 'ABORT') continue
    if (tx.sends.length > 0) return stepDone(tx.end, `ABORT of \`${tx.id}\`: the broker dropped its ${tx.sends.length === 1 ? 'SEND' : `${tx.sends.length} SENDs`}, and no MESSAGE was ever delivered.`)
    last = stepTodo(`Transaction \`${tx.id}\` was aborted with nothing in it: put a SEND with \`transaction:${tx.id}\` before the ABORT.`)
  }
  return last ?? stepTodo()
}

export const receiptsAndTransactions: ExerciseDef = {
  id: 'receipts-and-transactions',
  title: 'Receipts and transactions',
  goal: 'Get a RECEIPT for a frame, then group a SEND in a transaction: committed, it is delivered at COMMIT; aborted, never.',
  steps: [
    { id: 'receipt', label: 'Send a frame with a `receipt` header and get the `RECEIPT` that names it.' },
    { id: 'commit', label: '`BEGIN` a transaction, SEND to a destination you subscribe to with its `transaction` header, `COMMIT`: the MESSAGE arrives only then.' },
    { id: 'abort', label: 'Do the same with another transaction, but `ABORT` it: the message is never delivered.' },
  ],
  hints: [
    'Any frame but CONNECT may carry `receipt:<anything>`; the broker answers `RECEIPT` with `receipt-id:<the same>`.',
    'BEGIN, SEND and COMMIT each carry `transaction:tx-1`. Send them one at a time and look at the log between SEND and COMMIT.',
    'Subscribe first (e.g. to `/queue/orders`), or the committed message goes nowhere you can see. Then BEGIN `tx-2`, SEND with `transaction:tx-2`, ABORT `tx-2`.',
  ],
  solution: [
    {
      target: 'stomp',
      client: 'Alice',
      value:
        'SUBSCRIBE\nid:orders\ndestination:/queue/orders\nreceipt:sub-1\n\n^@\n\nBEGIN\ntransaction:tx-1\n\n^@\n\nSEND\ndestination:/queue/orders\ntransaction:tx-1\n\norder 1\n^@\n\nCOMMIT\ntransaction:tx-1\n\n^@\n\nBEGIN\ntransaction:tx-2\n\n^@\n\nSEND\ndestination:/queue/orders\ntransaction:tx-2\n\norder 2\n^@\n\nABORT\ntransaction:tx-2\n\n^@\n',
    },
  ],
  explanation:
    'The SUBSCRIBE carries receipt:sub-1, so the broker answers RECEIPT receipt-id:sub-1 once the subscription exists. In tx-1 the SEND is held: no MESSAGE arrives until COMMIT. In tx-2 the SEND is thrown away by ABORT; nothing is ever delivered. A transaction left open when the connection ends is aborted too.',
  check: ordered([
    ['receipt', receipt],
    ['commit', committed],
    ['abort', aborted],
  ]),
}

