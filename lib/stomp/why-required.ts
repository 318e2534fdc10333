/**
 * Why each required header is required (checklist 35, 41, 48, 54, 55, 59, 61): the sentence that
 * STOMP_ERR_MISSING_HEADER's teaching text (problem-texts.ts) ends with.
 */
const WHY_REQUIRED: Record<string, string> = {
  'SEND destination': 'SEND needs a destination: without it the server has nowhere to deliver the message.',
  'SUBSCRIBE destination': 'SUBSCRIBE needs a destination: it names what you want to receive.',
  'SUBSCRIBE id': 'Since STOMP 1.1 every SUBSCRIBE carries an id that names the subscription uniquely on this connection; MESSAGE frames carry it back as subscription, and UNSUBSCRIBE, ACK and NACK refer to it.',
  'UNSUBSCRIBE id': 'UNSUBSCRIBE names the subscription to end by the id its SUBSCRIBE gave.',
  'ACK id': 'In STOMP 1.2 an ACK names the message by id: copy the value of the MESSAGE\'s ack header.',
  'NACK id': 'In STOMP 1.2 a NACK names the message by id: copy the value of the MESSAGE\'s ack header.',
  'ACK message-id': 'In STOMP 1.0 and 1.1 an ACK names the message by its message-id (1.1 also needs subscription).',
  'ACK subscription': 'In STOMP 1.1 an ACK carries the subscription the MESSAGE came from, next to message-id.',
  'NACK message-id': 'In STOMP 1.1 a NACK names the message by its message-id, next to subscription.',
  'NACK subscription': 'In STOMP 1.1 a NACK carries the subscription the MESSAGE came from, next to message-id.',
  'CONNECT accept-version': 'Since STOMP 1.1 CONNECT lists the versions the client speaks in accept-version; without it the server must assume the client speaks only 1.0.',
  'CONNECT host': 'STOMP 1.1 and 1.2 clients must name the virtual host (most servers, Wirelab included, accept any value when it is missing).',
}

/** Why `command` requires `header`: one sentence for STOMP_ERR_MISSING_HEADER. */
export function whyRequired(command: string | undefined, header: string | undefined): string {
  const cmd = command === 'STOMP' ? 'CONNECT' : (command ?? '')
  return WHY_REQUIRED[`${cmd} ${header}`] ?? (
    ['BEGIN', 'COMMIT', 'ABORT'].includes(cmd) ? `${cmd} names the transaction it acts on in the transaction header.` : `${cmd} requires ${header}.`)
}
