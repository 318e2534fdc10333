/**
 * SockJS at /sockjs/stomp, spoken by hand over each of its transports (the interop suite drives
 * sockjs-client itself). A STOMP frame with non-ASCII text and a NUL must reach the broker as the
 * exact UTF-8 bytes and come back identical (checklist 77: SockJS is text only).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import type { Stack } from '../stack'
import { RecordingBroker, echoBroker, startRecordingStack } from '../testing/recording-broker'

const FRAME = 'SEND\ndestination:/queue/café\n\nhé ☃\u0000'
const FRAME_BYTES = Buffer.from(FRAME, 'utf8')

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

async function start(broker: RecordingBroker = echoBroker(), limits?: { maxFrameBytes: number }): Promise<{ stack: Stack<RecordingBroker>; base: string }> {
  const stack = await startRecordingStack(broker, { tcpPort: null, limits, sockjsDisconnectDelayMs: 200 })
  cleanups.push(() => stack.close())
  return { stack, base: `http://127.0.0.1:${stack.httpPort}/sockjs/stomp` }
}

let sessions = 0
const sessionUrl = (base: string) => `${base}/000/s${Date.now().toString(36)}${(sessions += 1)}`
const until = (condition: () => boolean) => expect.poll(condition, { timeout: 5000 }).toBe(true)

/** Reads a streaming response into `text` as it arrives. */
function stream(response: Response): { readonly text: () => string; cancel(): Promise<void> } {
  let text = ''
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }))
      if (done) return
      text += decoder.decode(value, { stream: true })
    }
  })()
  cleanups.push(() => reader.cancel().catch(() => {}))
  return { text: () => text, cancel: () => reader.cancel().catch(() => {}) }
}

/** SockJS frames ('o', 'h', 'a[…]', 'c[…]') found in a transport's wrapping. */
function framesIn(text: string, wrapping: 'lines' | 'eventsource' | 'htmlfile' | 'jsonp'): string[] {
  if (wrapping === 'lines') return text.split('\n').filter((l) => l !== '' && !/^h{2,}$/.test(l)) // skip the streaming prelude
  const pattern = {
    eventsource: /^data: (.*)\r$/gm,
    htmlfile: /p\(("(?:[^"\\]|\\.)*")\);/g,
    jsonp: /cb\(("(?:[^"\\]|\\.)*")\);/g,
  }[wrapping]
  return [...text.matchAll(pattern)].map((m) => (wrapping === 'eventsource' ? m[1] : (JSON.parse(m[1]) as string)))
}

function messagesIn(frames: string[]): string[] {
  return frames.filter((f) => f.startsWith('a')).flatMap((f) => JSON.parse(f.slice(1)) as string[])
}

async function xhrSend(url: string, messages: string[]): Promise<number> {
  const res = await fetch(`${url}/xhr_send`, { method: 'POST', body: JSON.stringify(messages), headers: { 'Content-Type': 'text/plain' } })
  return res.status
}

describe('SockJS endpoint', () => {
  it('/sockjs/stomp/info answers with websocket enabled', async () => {
    const { base } = await start()
    const res = await fetch(`${base}/info`)
    expect(res.status).toBe(200)
    const info = (await res.json()) as { websocket: boolean; cookie_needed: boolean; entropy: number }
    expect(info.websocket).toBe(true)
    expect(info.cookie_needed).toBe(false)
    expect(typeof info.entropy).toBe('number')
  })

  it('the iframe page loads the client script from Wirelab, and Wirelab serves it from node_modules', async () => {
    const { stack, base } = await start()
    const iframe = await (await fetch(`${base}/iframe.html`)).text()
    expect(iframe).toContain('src="/sockjs-client.min.js"')
    expect(iframe).not.toMatch(/https?:\/\//)
    const res = await fetch(`http://127.0.0.1:${stack.httpPort}/sockjs-client.min.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('javascript')
    const expected = readFileSync(createRequire(import.meta.url).resolve('sockjs-client/dist/sockjs.min.js'), 'utf8')
    expect(await res.text()).toBe(expected)
    const again = await fetch(`http://127.0.0.1:${stack.httpPort}/sockjs-client.min.js`, { headers: { 'If-None-Match': res.headers.get('etag') ?? '' } })
    expect(again.status).toBe(304)
  })

  it('paths outside /sockjs/stomp fall through to the fallback handler', async () => {
    const { stack } = await start()
    const res = await fetch(`http://127.0.0.1:${stack.httpPort}/sockjs/other/info`)
    expect(res.status).toBe(404)
    expect(await res.text()).toBe('fallback')
  })
})

describe('SockJS transports carry STOMP text both ways (checklist 77)', () => {
  it('xhr-polling: open, send, poll the echo', async () => {
    const { stack, base } = await start()
    const url = sessionUrl(base)
    expect(await (await fetch(`${url}/xhr`, { method: 'POST' })).text()).toBe('o\n')
    expect(await xhrSend(url, [FRAME])).toBe(204)
    const a = await stack.broker.connection(0)
    await until(() => a.bytes().equals(FRAME_BYTES))
    expect(a.conn.transport).toBe('sockjs')
    expect(a.conn.id).toMatch(/^sockjs-\d+$/)
    const poll = await (await fetch(`${url}/xhr`, { method: 'POST' })).text()
    expect(messagesIn(framesIn(poll, 'lines'))).toEqual([FRAME])
  })

  it('xhr-streaming', async () => {
    const { stack, base } = await start()
    const url = sessionUrl(base)
    const s = stream(await fetch(`${url}/xhr_streaming`, { method: 'POST' }))
    await until(() => framesIn(s.text(), 'lines').includes('o'))
    expect(await xhrSend(url, [FRAME])).toBe(204)
    await until(() => messagesIn(framesIn(s.text(), 'lines')).length === 1)
    expect(messagesIn(framesIn(s.text(), 'lines'))).toEqual([FRAME])
    expect((await stack.broker.connection(0)).bytes().equals(FRAME_BYTES)).toBe(true)
  })

  it('eventsource', async () => {
    const { base } = await start()
    const url = sessionUrl(base)
    const s = stream(await fetch(`${url}/eventsource`))
    await until(() => framesIn(s.text(), 'eventsource').includes('o'))
    expect(await xhrSend(url, [FRAME])).toBe(204)
    await until(() => messagesIn(framesIn(s.text(), 'eventsource')).length === 1)
    expect(messagesIn(framesIn(s.text(), 'eventsource'))).toEqual([FRAME])
  })

  it('htmlfile', async () => {
    const { base } = await start()
    const url = sessionUrl(base)
    const s = stream(await fetch(`${url}/htmlfile?c=cb`))
    await until(() => framesIn(s.text(), 'htmlfile').includes('o'))
    expect(await xhrSend(url, [FRAME])).toBe(204)
    await until(() => messagesIn(framesIn(s.text(), 'htmlfile')).length === 1)
    expect(messagesIn(framesIn(s.text(), 'htmlfile'))).toEqual([FRAME])
  })

  it('jsonp (polling) with jsonp_send', async () => {
    const { base } = await start()
    const url = sessionUrl(base)
    expect(framesIn(await (await fetch(`${url}/jsonp?c=cb`)).text(), 'jsonp')).toEqual(['o'])
    const sent = await fetch(`${url}/jsonp_send`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `d=${encodeURIComponent(JSON.stringify([FRAME]))}`,
    })
    expect(await sent.text()).toBe('ok')
    expect(messagesIn(framesIn(await (await fetch(`${url}/jsonp?c=cb`)).text(), 'jsonp'))).toEqual([FRAME])
  })

  it('websocket (through the upgrade router)', async () => {
    const { base } = await start()
    const ws = new WebSocket(`${sessionUrl(base).replace('http:', 'ws:')}/websocket`)
    cleanups.push(() => ws.terminate())
    const frames: string[] = []
    ws.on('message', (data) => frames.push(String(data)))
    await until(() => frames.includes('o'))
    ws.send(JSON.stringify([FRAME]))
    await until(() => messagesIn(frames).length === 1)
    expect(messagesIn(frames)).toEqual([FRAME])
  })
})

describe('SockJS connection behaviour', () => {
  it('checklist 67: close(code, reason) delivers queued frames, then the c[code,reason] frame', async () => {
    const broker = new RecordingBroker()
    const { stack, base } = await start(broker)
    const url = sessionUrl(base)
    await fetch(`${url}/xhr`, { method: 'POST' })
    const a = await stack.broker.connection(0)
    a.conn.send(new TextEncoder().encode('ERROR\nmessage:bad\n\n\u0000'), 'text')
    expect(a.conn.bufferedAmount).toBeGreaterThan(0) // no poll pending: held in the session
    a.conn.close(1002, 'STOMP protocol error')
    const frames = framesIn(await (await fetch(`${url}/xhr`, { method: 'POST' })).text(), 'lines')
    const next = framesIn(await (await fetch(`${url}/xhr`, { method: 'POST' })).text(), 'lines')
    expect([...frames, ...next]).toEqual(['a["ERROR\\nmessage:bad\\n\\n\\u0000"]', 'c[1002,"STOMP protocol error"]'])
    await until(() => a.closedReason !== null)
  })

  it('a binary frame goes out as text (SockJS has no binary): valid UTF-8 survives', async () => {
    const broker = new RecordingBroker()
    const { stack, base } = await start(broker)
    const url = sessionUrl(base)
    await fetch(`${url}/xhr`, { method: 'POST' })
    const a = await stack.broker.connection(0)
    a.conn.send(Buffer.from('MESSAGE\n\nnul:\u0000 ok\u0000'), 'binary')
    const frames = framesIn(await (await fetch(`${url}/xhr`, { method: 'POST' })).text(), 'lines')
    expect(messagesIn(frames)).toEqual(['MESSAGE\n\nnul:\u0000 ok\u0000'])
  })

  it('a POST larger than the message limit gets 413 instead of being buffered', async () => {
    const { base } = await start(echoBroker(), { maxFrameBytes: 1024 })
    const url = sessionUrl(base)
    await fetch(`${url}/xhr`, { method: 'POST' })
    const res = await fetch(`${url}/xhr_send`, { method: 'POST', body: JSON.stringify(['x'.repeat(10_000)]) })
    expect(res.status).toBe(413)
  })
})
