/**
 * Connection presets and URL handling. Wirelab's endpoints are written as paths (`/ws/stomp`,
 * `/sockjs/stomp`) and resolved against the page at dial time, with the tab's cid added so the
 * inspector can show this tab's traffic; any other URL is dialled as typed, by the browser itself
 * (the Wirelab server never dials out for a learner).
 */
export type PresetId = 'wirelab-ws' | 'wirelab-sockjs' | 'rabbitmq' | 'custom'

export interface Preset {
  readonly id: PresetId
  readonly label: string
  readonly url: string
  readonly transport: 'ws' | 'sockjs'
  readonly login?: string
  readonly passcode?: string
  readonly host?: string
}

export const PRESETS: readonly Preset[] = [
  { id: 'wirelab-ws', label: 'Wirelab · WebSocket', url: '/ws/stomp', transport: 'ws' },
  { id: 'wirelab-sockjs', label: 'Wirelab · SockJS', url: '/sockjs/stomp', transport: 'sockjs' },
  // guest/guest may log in only from loopback (RabbitMQ's default loopback_users).
  { id: 'rabbitmq', label: 'RabbitMQ Web-STOMP (local)', url: 'ws://127.0.0.1:15674/ws', transport: 'ws', login: 'guest', passcode: 'guest', host: '/' },
  { id: 'custom', label: 'Custom URL', url: '', transport: 'ws' },
]

/** sockjs-client's transports a learner may force (xdr-* need Internet Explorer). */
export const SOCKJS_TRANSPORTS = [
  'websocket', 'xhr-streaming', 'xhr-polling', 'eventsource', 'htmlfile', 'iframe-eventsource', 'iframe-htmlfile', 'iframe-xhr-polling', 'jsonp-polling',
] as const

export function presetFor(url: string, transport: 'ws' | 'sockjs'): PresetId {
  return PRESETS.find((p) => p.id !== 'custom' && p.url === url && p.transport === transport)?.id ?? 'custom'
}

/** True when the URL is Wirelab's own broker (a path, or this page's host with a Wirelab path). */
export function isWirelabUrl(url: string, pageHost: string): boolean {
  if (url.startsWith('/')) return /^\/(ws\/stomp|sockjs\/stomp)(\/|\?|$)/.test(url)
  try {
    const u = new URL(url)
    return u.host === pageHost && /^\/(ws\/stomp|sockjs\/stomp)(\/|$)/.test(u.pathname)
  } catch {
    return false
  }
}

export interface PageLocation {
  readonly protocol: string
  readonly host: string
}

/** `url` with `cid=` added to its query, keeping any fragment. */
function withCid(url: string, cid: string | null): string {
  if (cid === null || /[?&]cid=/.test(url)) return url
  const hash = url.indexOf('#')
  const base = hash < 0 ? url : url.slice(0, hash)
  const frag = hash < 0 ? '' : url.slice(hash)
  return `${base}${base.includes('?') ? '&' : '?'}cid=${encodeURIComponent(cid)}${frag}`
}

/**
 * The URL to dial. A path becomes ws(s)://host/path (WebSocket) or http(s)://host/path (SockJS)
 * of this page; Wirelab targets get the cid.
 */
export function dialUrl(url: string, transport: 'ws' | 'sockjs', page: PageLocation, cid: string | null): string {
  const secure = page.protocol === 'https:'
  const abs = url.startsWith('/') ? `${transport === 'ws' ? (secure ? 'wss' : 'ws') : secure ? 'https' : 'http'}://${page.host}${url}` : url
  return isWirelabUrl(url, page.host) ? withCid(abs, cid) : abs
}

/** Why the URL cannot be dialled with this transport (a sentence for the form), or null. */
export function urlProblem(url: string, transport: 'ws' | 'sockjs', page: PageLocation): string | null {
  const text = url.trim()
  if (text === '') return 'Enter a URL, e.g. ws://127.0.0.1:15674/ws.'
  if (text.startsWith('/')) return null
  let u: URL
  try {
    u = new URL(text)
  } catch {
    return `“${text}” is not a URL. WebSocket URLs look like ws://host:port/path or wss://host/path.`
  }
  if (transport === 'ws' && u.protocol !== 'ws:' && u.protocol !== 'wss:') {
    return `A WebSocket URL starts with ws:// or wss://, not ${u.protocol}//. (SockJS URLs use http:// or https://.)`
  }
  if (transport === 'sockjs' && u.protocol !== 'http:' && u.protocol !== 'https:') return `A SockJS URL starts with http:// or https://, not ${u.protocol}//.`
  if (u.hash !== '') return 'A WebSocket URL cannot have a #fragment.'
  if (page.protocol === 'https:' && (u.protocol === 'ws:' || u.protocol === 'http:') && u.hostname !== 'localhost' && u.hostname !== '127.0.0.1') {
    return 'This page is served over https: the browser blocks plain ws:// (mixed content). Use wss://.'
  }
  return null
}
