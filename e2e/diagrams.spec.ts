import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

/**
 * The live diagrams on /lab against the real server, in Chromium: the page runs a STOMP session
 * of its own (@stomp/stompjs over /ws/stomp?cid=<this tab's cid>), and the sequence diagram and
 * the pub-sub map draw it from the /ws/inspect stream. The fixtures fail a test on any request
 * that leaves localhost and on any console error.
 */

declare global {
  interface Window {
    StompJs: typeof import('@stomp/stompjs')
  }
}

/** The tab's cid, once a widget has made it (components/lab/useClientId.ts). */
async function clientId(page: Page): Promise<string> {
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem('wirelab-cid')), { message: 'the tab has a cid' }).toMatch(/^[A-Za-z0-9_-]{10}$/)
  return (await page.evaluate(() => sessionStorage.getItem('wirelab-cid'))) as string
}

/** CONNECT with heart-beat 10000,10000, SUBSCRIBE, SEND, wait for the MESSAGE; the client stays connected. */
async function stompSession(page: Page, cid: string, destination: string, body: string): Promise<string> {
  await page.addScriptTag({ path: 'node_modules/@stomp/stompjs/bundles/stomp.umd.min.js' })
  return page.evaluate(
    ({ cid, destination, body }) =>
      new Promise<string>((resolve, reject) => {
        const client = new window.StompJs.Client({
          brokerURL: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/stomp?cid=${cid}`,
          heartbeatIncoming: 10_000,
          heartbeatOutgoing: 10_000,
          reconnectDelay: 0,
        })
        const timer = setTimeout(() => reject(new Error('no MESSAGE within 5 s')), 5000)
        client.onConnect = () => {
          client.subscribe(destination, (message) => {
            clearTimeout(timer)
            resolve(message.body)
          })
          client.publish({ destination, body })
        }
        client.onStompError = (frame) => reject(new Error(frame.headers.message))
        client.activate()
      }),
    { cid, destination, body },
  )
}

/** Scroll a lazy lab widget into view (its placeholder first) and wait until it streams live. */
async function widget(page: Page, name: RegExp | string, placeholder: string): Promise<Locator> {
  const region = page.getByRole('region', { name })
  await region.or(page.getByText(`Loading the ${placeholder}…`)).first().scrollIntoViewIfNeeded()
  await expect(region).toBeVisible()
  await region.scrollIntoViewIfNeeded()
  await expect(region.getByRole('status')).toContainText('live')
  return region
}

test('sequence diagram: this tab’s STOMP session drawn as an SVG with its participants and frames', async ({ page }) => {
  const topic = `/topic/e2e-seq-${Date.now()}`
  await page.goto('/lab')
  const diagram = await widget(page, "This tab's traffic", 'sequence diagram')
  const cid = await clientId(page)

  expect(await stompSession(page, cid, topic, 'hello, wire')).toBe('hello, wire')

  const svg = diagram.getByRole('figure').locator('svg')
  for (const text of <(string | RegExp)[]>[
    'Browser',
    'Server',
    'Broker',
    '101 Switching Protocols · v12.stomp',
    'CONNECT accept-version:1.2,1.1,1.0 heart-beat:10000,10000',
    /CONNECTED version:1\.2 heart-beat:\d+,\d+/, // the server's own heart-beat wishes
    `SUBSCRIBE ${topic} id:sub-0`,
    `SEND ${topic} "hello, wire"`,
    `MESSAGE ${topic} "hello, wire" subscription:sub-0`,
    `route ${topic} →`,
  ]) {
    await expect(svg, `the diagram shows ${String(text)}`).toContainText(text, { timeout: 10_000 })
  }
  // Mermaid drew it (no error box), with an actor per participant.
  await expect(diagram.getByRole('alert')).toHaveCount(0)
  await expect(svg.locator('text.actor').filter({ hasText: 'Broker' })).not.toHaveCount(0)

  // Hide heart-beats and copy work on the live view; what is copied is the source shown.
  await diagram.getByRole('checkbox', { name: 'Hide heart-beats' }).check()
  await diagram.getByText('Mermaid source', { exact: true }).click()
  const source = diagram.locator('pre')
  await expect(source).toContainText(`SEND ${topic} #34;hello, wire#34;`)
  await expect(source).not.toContainText('heart-beat (EOL)')
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await diagram.getByRole('button', { name: 'Copy mermaid source' }).click()
  await expect(diagram.getByText('Copied to the clipboard')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.startsWith('sequenceDiagram\n')).toBe(true)
  expect(copied).toContain(`SEND ${topic} #34;hello, wire#34;`)
})

test('sequence diagram: pause freezes the picture, resume shows what arrived meanwhile', async ({ page }) => {
  const topic = `/topic/e2e-pause-${Date.now()}`
  await page.goto('/lab')
  const diagram = await widget(page, "This tab's traffic", 'sequence diagram')
  const cid = await clientId(page)
  await diagram.getByRole('button', { name: 'Pause' }).click()
  await expect(diagram.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true')

  await stompSession(page, cid, topic, 'while paused')
  await expect(diagram.getByRole('status')).toContainText(/paused · \d+ new/, { timeout: 10_000 })
  await expect(diagram.locator('pre')).not.toContainText(topic) // the view is frozen

  await diagram.getByRole('button', { name: 'Resume' }).click()
  await expect(diagram.getByRole('figure').locator('svg')).toContainText(`SEND ${topic} "while paused"`, { timeout: 10_000 })
  await expect(diagram.locator('pre')).toContainText(`MESSAGE ${topic}`)
})

test('pub-sub map: the destination with this tab as subscriber and publisher, and the delivery counted', async ({ page }) => {
  const topic = `/topic/e2e-map-${Date.now()}`
  await page.goto('/lab')
  const map = await widget(page, /Pub-sub map/, 'pub-sub map')
  const cid = await clientId(page)

  await stompSession(page, cid, topic, 'counted')

  const row = map.getByRole('list', { name: 'Destinations' }).getByRole('listitem').filter({ has: page.getByText(topic, { exact: true }) })
  await expect(row).toHaveAttribute('data-kind', 'topic', { timeout: 10_000 })
  await expect(row.getByText('topic', { exact: true })).toBeVisible()
  await expect(row.getByText('1 published · 1 delivered')).toBeVisible()
  const subscriber = row.getByRole('list', { name: `Subscribers of ${topic}` }).getByRole('listitem')
  await expect(subscriber).toHaveCount(1)
  await expect(subscriber).toContainText('you')
  await expect(subscriber).toContainText('got 1')
  await expect(row.getByRole('list', { name: `Publishers to ${topic}` }).getByRole('listitem')).toContainText('sent 1')
})

test('sequence diagram: opened last, it still draws what the handshake view and the X-ray did before it (the server replays the tab)', async ({ page }) => {
  const text = `early ${Date.now() % 1_000_000}`
  await page.goto('/lab')
  // The handshake view opens its WebSocket …
  await page.locator('#handshake').scrollIntoViewIfNeeded()
  await expect(page.locator('[data-widget="handshake-view"]').getByTestId('accept-server')).toHaveText(/=$/, { timeout: 10_000 })
  // … and the X-ray sends a message, while the sequence diagram further down has not started.
  await page.locator('#xray').scrollIntoViewIfNeeded()
  const xray = page.locator('[data-widget="frame-xray"]').first()
  const send = xray.getByRole('button', { name: 'Send' })
  await expect(send).toBeEnabled({ timeout: 10_000 })
  await xray.getByRole('textbox').fill(text)
  await send.click()
  await expect(xray.getByTestId('xray-text')).toContainText(text, { timeout: 10_000 })
  await expect(page.getByRole('region', { name: "This tab's traffic" })).toHaveCount(0)

  // Scrolled to only now: it shows that earlier traffic, not "No traffic yet".
  const diagram = await widget(page, "This tab's traffic", 'sequence diagram')
  const svg = diagram.getByRole('figure').locator('svg')
  await expect(svg).toContainText('101 Switching Protocols', { timeout: 10_000 })
  await expect(svg).toContainText(`text frame "${text}"`)
  await expect(diagram.getByText(/No traffic yet/)).toHaveCount(0)
})
