/**
 * /ws/exercise end to end: a real server, a lesson page's exercise socket, and the learner's own
 * requests — the verdict comes from what the server's taps saw, for that tab only.
 */
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { ExerciseServerMessage } from '../../lib/exercises/protocol'
import type { Verdict } from '../../lib/exercises/types'
import { startTestServer, type TestServer } from '../testing/harness'
import { until } from './testing/viewer-client'

const cleanups: Array<() => unknown> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function server(): Promise<TestServer> {
  const srv = await startTestServer({ tcp: false, heartBeat: [0, 0] })
  cleanups.push(() => srv.close())
  return srv
}

class ExerciseClient {
  readonly messages: ExerciseServerMessage[] = []
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.messages.push(JSON.parse(String(data)) as ExerciseServerMessage))
  }
  static async open(url: string): Promise<ExerciseClient> {
    const ws = new WebSocket(url)
    const client = new ExerciseClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    cleanups.push(() => ws.close())
    await until(() => client.messages.some((m) => m.type === 'hello'), 'hello')
    return client
  }
  send(message: unknown): void {
    this.ws.send(JSON.stringify(message))
  }
  verdicts(exercise: string): Verdict[] {
    return this.messages.flatMap((m) => (m.type === 'verdict' && m.verdict.exercise === exercise ? [m.verdict] : []))
  }
  latest(exercise: string): Verdict | undefined {
    return this.verdicts(exercise).at(-1)
  }
}

/** One HTTP request over a keep-alive agent-less socket per call (Node's default agent keeps alive). */
function send(srv: TestServer, method: string, path: string, headers: Record<string, string> = {}, body = ''): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${srv.httpUrl}${path}`, { method, headers: body ? { ...headers, 'Content-Length': String(Buffer.byteLength(body)) } : headers }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const statuses = (v: Verdict | undefined) => v?.steps.map((s) => s.status)

describe('/ws/exercise', () => {
  it('refuses an upgrade without a cid, with a 400 that says what to add', async () => {
    const srv = await server()
    const ws = new WebSocket(`${srv.exerciseUrl}`)
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)))
    expect(status).toBe(400)
  })

  it('checks the lesson-01 exercise on the tab\'s own requests: todo, wrong with a reason, then done', async () => {
    const srv = await server()
    const page = await ExerciseClient.open(`${srv.exerciseUrl}?cid=tabA`)
    page.send({ type: 'watch', exercises: ['http-raw-request'] })
    await until(() => page.latest('http-raw-request') !== undefined, 'the first verdict')
    expect(statuses(page.latest('http-raw-request'))).toEqual(['todo', 'todo', 'todo'])

    // another tab's perfect request does not count for this tab
    await send(srv, 'POST', '/lab/echo?cid=tabB', { 'Content-Type': 'application/json', 'X-Hello': 'wire' }, '{"a":1}')
    // this tab's GET is a mistake the check explains
    await send(srv, 'GET', '/lab/echo?cid=tabA')
    await until(() => page.latest('http-raw-request')?.steps[0].status === 'wrong', 'the wrong verdict')
    const wrong = page.latest('http-raw-request')!
    expect(wrong.steps[0].message).toContain('`POST`')
    expect(wrong.steps[0].evidence?.summary).toBe('GET /lab/echo → 200 OK')

    await send(srv, 'POST', '/lab/echo?cid=tabA', { 'Content-Type': 'application/json', 'X-Hello': 'wire' }, '{"hello":"wire"}')
    await send(srv, 'POST', '/lab/echo?cid=tabA', { 'Content-Type': 'application/json', 'X-Hello': 'wire' }, '{"hello":"wire"}')
    await until(() => page.latest('http-raw-request')?.done === true, 'done')
    expect(statuses(page.latest('http-raw-request'))).toEqual(['done', 'done', 'done'])
  })

  it('done stays done; reset starts over on new events only', async () => {
    const srv = await server()
    const page = await ExerciseClient.open(`${srv.exerciseUrl}?cid=tabC`)
    page.send({ type: 'watch', exercises: ['http-raw-request'] })
    for (let i = 0; i < 2; i++) await send(srv, 'POST', '/lab/echo?cid=tabC', { 'Content-Type': 'application/json', 'X-Hello': 'wire' }, '{}')
    await until(() => page.latest('http-raw-request')?.done === true, 'done')
    await send(srv, 'GET', '/lab/echo?cid=tabC')
    await new Promise((r) => setTimeout(r, 150))
    expect(page.latest('http-raw-request')?.done).toBe(true)

    page.send({ type: 'reset', exercise: 'http-raw-request' })
    await until(() => page.latest('http-raw-request')?.done === false, 'the reset verdict')
    expect(statuses(page.latest('http-raw-request'))).toEqual(['todo', 'todo', 'todo'])
  })

  it('says what is wrong with a bad message or an unknown exercise, and keeps serving', async () => {
    const srv = await server()
    const page = await ExerciseClient.open(`${srv.exerciseUrl}?cid=tabD`)
    page.ws.send('not json')
    page.send({ type: 'watch', exercises: ['no-such-exercise', 'http-raw-request'] })
    await until(() => page.messages.filter((m) => m.type === 'error').length >= 2, 'two errors')
    const errors = page.messages.flatMap((m) => (m.type === 'error' ? [m.message] : []))
    expect(errors[0]).toMatch(/JSON/)
    expect(errors[1]).toBe('unknown exercise "no-such-exercise"')
    await until(() => page.latest('http-raw-request') !== undefined, 'the known exercise still checked')
  })
})
