/**
 * The URLs the sandboxed code may dial, with the tab's cid: the preset `brokerURL`, and any
 * Wirelab STOMP URL the learner types by hand (`ws://localhost:3000/ws/stomp`), so that the
 * exercise checker sees the connection either way. Other URLs are left as typed.
 */
const WIRELAB_STOMP = /^\/ws\/stomp\/?$/

/** `ws://host/ws/stomp?cid=…` for a page at `protocol//host`. */
export function brokerUrlFor(page: { readonly protocol: string; readonly host: string }, cid: string): string {
  const scheme = page.protocol === 'https:' ? 'wss' : 'ws'
  return `${scheme}://${page.host}/ws/stomp?cid=${encodeURIComponent(cid)}`
}

/** `url` (absolute, or relative to brokerURL) with `cid` added when it is Wirelab's /ws/stomp. */
export function sandboxUrl(url: string, brokerURL: string, cid: string): string {
  let target: URL
  let broker: URL
  try {
    broker = new URL(brokerURL)
    target = new URL(url, broker)
  } catch {
    return url
  }
  if (target.host !== broker.host || !WIRELAB_STOMP.test(target.pathname) || target.searchParams.has('cid')) return target.href === url ? url : target.href
  target.searchParams.set('cid', cid)
  return target.href
}
