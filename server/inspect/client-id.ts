/**
 * The browser tab id (`cid`, issue 4 contract): every lab request, WebSocket and SockJS URL of a
 * tab carries `?cid=<id>`. Taps copy it into each event's `client`; viewers filter on it.
 * Anything that is not 1-64 letters, digits, `-` or `_` is ignored (never echoed into events).
 */
const CID = /^[A-Za-z0-9_-]{1,64}$/

export function isClientId(value: string): boolean {
  return CID.test(value)
}

/** The `cid` query parameter of a request URL (path + query), when valid. */
export function clientIdFromUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined
  const q = url.indexOf('?')
  if (q < 0) return undefined
  const hash = url.indexOf('#', q)
  const cid = new URLSearchParams(url.slice(q + 1, hash < 0 ? undefined : hash)).get('cid')
  return cid !== null && CID.test(cid) ? cid : undefined
}
