/**
 * Lesson 01, How HTTP talks: write a request by hand and watch HTTP/1.1 keep the connection alive.
 * Checked over the learner's http.exchange events (server/inspect/http-tap.ts), i.e. what the
 * server's socket really read.
 */
import type { HttpExchangeEvent } from '../inspect/events'
import { httpExchanges, httpHeader, ordered, pathOf, stepDone, stepTodo, stepWrong, summarizeHttp, type Indexed, type StepCheck } from './query'
import { levenshtein } from '../stomp/suggest'
import type { ExerciseDef } from './types'

const ECHO = '/lab/echo'

const isEcho = (e: HttpExchangeEvent) => pathOf(e.url) === ECHO

/** A POST to /lab/echo with a JSON body, declared as JSON. */
const postJson: StepCheck = (events, from) => {
  const echoes = httpExchanges(events, 'echo', from).filter(({ event }) => isEcho(event))
  const good = echoes.find(({ event }) => event.method === 'POST' && event.requestBodyBytes > 0 && /^application\/json\b/i.test(httpHeader(event.requestHeaders, 'content-type') ?? ''))
  if (good) return stepDone(good)
  const last = echoes.at(-1)
  if (!last) return stepTodo()
  const e = last.event
  if (e.method !== 'POST') return stepWrong(`That was a \`${e.method}\`. To send data, the method is \`POST\`: write \`POST /lab/echo\` on the first line.`, last)
  if (e.requestBodyBytes === 0) return stepWrong('The POST arrived with an empty body (`Content-Length: 0`). Leave one blank line after the headers, then write the JSON, e.g. `{"hello": "wire"}`.', last)
  const type = httpHeader(e.requestHeaders, 'content-type')
  return stepWrong(
    type
      ? `The body was declared as \`${type}\`. A server reads the body by its \`Content-Type\`: say \`Content-Type: application/json\`.`
      : 'The body went out without a `Content-Type`, so the server cannot know it is JSON. Add the header line `Content-Type: application/json`.',
    last,
  )
}

/** A request carrying the learner's own header `X-Hello: wire`. */
const ownHeader: StepCheck = (events, from, earlier) => {
  // The POST of step 1 may already carry it.
  const echoes = httpExchanges(events, 'echo', earlier[0]?.at?.index ?? from).filter(({ event }) => isEcho(event))
  const good = echoes.find(({ event }) => httpHeader(event.requestHeaders, 'x-hello') === 'wire')
  if (good) return stepDone(good)
  const close = (name: string) => /hello/i.test(name) || levenshtein(name.toLowerCase(), 'x-hello') <= 2
  const near = [...echoes].reverse().find(({ event }) => event.requestHeaders.some(([name]) => close(name)))
  if (!near) return stepTodo()
  const [name, value] = near.event.requestHeaders.find(([n]) => close(n)) ?? ['', '']
  if (name.toLowerCase() !== 'x-hello') return stepWrong(`The server read a header \`${name}\`, not \`X-Hello\`. Header names are compared without regard to case, but the spelling must match.`, near)
  return stepWrong(`\`X-Hello\` arrived with the value \`${value}\`; the exercise asks for \`wire\`. Values are compared exactly, case included.`, near)
}

/** Two requests to /lab/echo in a row over one TCP connection. */
const keepAlive: StepCheck = (events, from, earlier) => {
  const start = earlier[1]?.at?.index ?? from
  const echoes = httpExchanges(events, 'echo', start).filter(({ event }) => isEcho(event))
  for (let i = 1; i < echoes.length; i++) {
    if (echoes[i].event.conn === echoes[i - 1].event.conn) return stepDone(echoes[i] as Indexed<HttpExchangeEvent>, `Both went over ${echoes[i].event.conn}: one TCP connection, two requests.`)
  }
  if (echoes.length >= 2) {
    const [a, b] = [echoes.at(-2)!.event, echoes.at(-1)!.event]
    return stepWrong(`Your last two requests arrived on different connections (${a.conn}, then ${b.conn}): the first connection was closed in between (for instance after a long pause; browsers and servers close idle connections after a few seconds). Send two requests a few seconds apart at most.`, echoes.at(-1))
  }
  return stepTodo(echoes.length === 1 ? `One request so far (${summarizeHttp(echoes[0].event)}); send another.` : undefined)
}

export const httpRawRequest: ExerciseDef = {
  id: 'http-raw-request',
  title: 'Write an HTTP request by hand',
  goal: 'Send a request you wrote yourself to `/lab/echo`, see it exactly as the server read it, and watch two requests share one TCP connection.',
  steps: [
    { id: 'post-json', label: 'Send a `POST` to `/lab/echo` with a JSON body and `Content-Type: application/json`.' },
    { id: 'own-header', label: 'Add a header of your own, `X-Hello: wire`, to a request to `/lab/echo`.' },
    { id: 'keep-alive', label: 'Send another request to `/lab/echo` right after it, and check both used the same TCP connection.' },
  ],
  hints: [
    'The first line is the request line: `POST /lab/echo`. Header lines follow, one per line, `Name: value`.',
    'After the last header comes one empty line; everything after it is the body. `{"hello": "wire"}` is a fine JSON body.',
    'The table under the request shows which TCP connection each request used: HTTP/1.1 keeps a connection open after a response, so the next request reuses it.',
  ],
  solution: [{ target: 'http', value: 'POST /lab/echo\nContent-Type: application/json\nX-Hello: wire\n\n{"hello": "wire"}\n' }],
  explanation:
    'The request line says what and where, the headers describe the message, the blank line ends the head, and the body follows. Send it twice: the same connection id appears both times, because HTTP/1.1 keeps the connection alive between requests.',
  check: ordered([
    ['post-json', postJson],
    ['own-header', ownHeader],
    ['keep-alive', keepAlive],
  ]),
}
