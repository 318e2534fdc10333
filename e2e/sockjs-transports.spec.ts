import { expect, test } from './fixtures'

/**
 * Interop in real Chromium: sockjs-client (the script Wirelab serves at /sockjs-client.min.js) +
 * @stomp/stompjs (its UMD bundle) against the running server's /sockjs/stomp, with exactly one
 * SockJS transport allowed per test. Each must connect STOMP 1.2, subscribe, send and receive
 * (UTF-8 text with a NUL: SockJS is text-only — checklist 77), use the transport it was forced to
 * (sockjs-client's own `sock.transport` AND the requests that really crossed the wire), and close
 * cleanly. xdr-streaming/xdr-polling need IE's XDomainRequest and cannot run in Chromium.
 */

const STOMPJS_UMD = 'node_modules/@stomp/stompjs/bundles/stomp.umd.min.js'

/** Transport → the SockJS URL suffix its receiving side uses (what we expect to see on the wire). */
const TRANSPORTS = {
  websocket: /\/sockjs\/stomp\/[^/]+\/[^/]+\/websocket$/,
  'xhr-streaming': /\/sockjs\/stomp\/[^/]+\/[^/]+\/xhr_streaming(\?|$)/,
  'xhr-polling': /\/sockjs\/stomp\/[^/]+\/[^/]+\/xhr(\?|$)/,
  eventsource: /\/sockjs\/stomp\/[^/]+\/[^/]+\/eventsource(\?|$)/,
  htmlfile: /\/sockjs\/stomp\/[^/]+\/[^/]+\/htmlfile\?c=/,
  'iframe-eventsource': /\/sockjs\/stomp\/[^/]+\/[^/]+\/eventsource(\?|$)/,
  'iframe-htmlfile': /\/sockjs\/stomp\/[^/]+\/[^/]+\/htmlfile\?c=/,
  'iframe-xhr-polling': /\/sockjs\/stomp\/[^/]+\/[^/]+\/xhr(\?|$)/,
  'jsonp-polling': /\/sockjs\/stomp\/[^/]+\/[^/]+\/jsonp\?c=/,
} as const satisfies Record<string, RegExp>

interface RoundTrip {
  readonly ok: boolean
  readonly error?: string
  readonly version?: string
  readonly transport?: string | null
  readonly body?: string
  readonly destination?: string
  readonly closeCode?: number
}

test.describe('STOMP over SockJS in Chromium, one transport forced', () => {
  for (const [transport, wirePath] of Object.entries(TRANSPORTS)) {
    test(`${transport}: connect, subscribe, send, receive`, async ({ page }) => {
      const seen: string[] = []
      page.on('request', (r) => seen.push(r.url()))
      page.on('websocket', (ws) => seen.push(ws.url()))

      await page.goto('/')
      await page.addScriptTag({ url: '/sockjs-client.min.js' })
      await page.addScriptTag({ path: STOMPJS_UMD })

      const result = await page.evaluate(
        ({ transport }) =>
          new Promise<RoundTrip>((resolve) => {
            type Sock = WebSocket & { transport: string | null }
            type Msg = { body: string; headers: Record<string, string> }
            type Frame = { headers: Record<string, string>; body: string }
            type StompClient = {
              onConnect: (f: Frame) => void
              onStompError: (f: Frame) => void
              onWebSocketClose: (e: { code: number; reason: string }) => void
              activate(): void
              deactivate(): Promise<void>
              subscribe(d: string, cb: (m: Msg) => void, h: Record<string, string>): void
              publish(p: { destination: string; body: string; headers?: Record<string, string> }): void
              watchForReceipt(id: string, cb: (f: Frame) => void): void
            }
            const w = window as unknown as {
              SockJS: new (url: string, _r: null, o: { transports: string[] }) => Sock
              StompJs: { Client: new (c: Record<string, unknown>) => StompClient }
            }
            const url = `${location.origin}/sockjs/stomp`
            const destination = `/topic/e2e.${transport}`
            const body = `héllo ☃ over ${transport}\u0000after NUL`
            let sock: Sock | null = null
            let done = false
            const finish = (r: RoundTrip) => {
              if (done) return
              done = true
              resolve(r)
            }
            const timer = setTimeout(() => finish({ ok: false, error: `timeout (transport ${sock?.transport ?? 'none'})` }), 15_000)
            const client = new w.StompJs.Client({
              webSocketFactory: () => (sock = new w.SockJS(url, null, { transports: [transport] })),
              reconnectDelay: 0,
              heartbeatIncoming: 0,
              heartbeatOutgoing: 0,
              debug: () => {},
            })
            let got: RoundTrip | null = null
            client.onConnect = (connected) => {
              // SUBSCRIBE's RECEIPT: the subscription exists, so the SEND is routed to it
              client.watchForReceipt('sub-1', () => client.publish({ destination, body }))
              client.subscribe(
                destination,
                (m) => {
                  got = { ok: true, version: connected.headers.version, transport: sock?.transport ?? null, body: m.body, destination: m.headers.destination }
                  void client.deactivate()
                },
                { receipt: 'sub-1' },
              )
            }
            client.onStompError = (f) => finish({ ok: false, error: `ERROR ${f.headers.message}: ${f.body}` })
            client.onWebSocketClose = (e) => {
              clearTimeout(timer)
              finish(got ? { ...got, closeCode: e.code } : { ok: false, error: `closed ${e.code} ${e.reason} before a MESSAGE` })
            }
            client.activate()
          }),
        { transport },
      )

      expect(result.error ?? null).toBeNull()
      expect(result).toMatchObject({
        ok: true,
        version: '1.2',
        transport,
        destination: `/topic/e2e.${transport}`,
        body: `héllo ☃ over ${transport}\u0000after NUL`,
        closeCode: 1000,
      })
      // the transport really used on the wire, not only what sockjs-client says
      expect(seen.filter((u) => wirePath.test(u)), `requests seen: ${JSON.stringify(seen)}`).not.toHaveLength(0)
      if (transport.startsWith('iframe-')) expect(seen.some((u) => u.endsWith('/sockjs/stomp/iframe.html'))).toBe(true)
      if (transport !== 'websocket') expect(seen.some((u) => /\/websocket$/.test(u))).toBe(false)
    })
  }
})
