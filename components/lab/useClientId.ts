'use client'

import { useSyncExternalStore } from 'react'

/**
 * The tab's client id (`cid`, issue 4 contract): 10 random url-safe characters made once per tab
 * and kept in sessionStorage, so a reload keeps it and another tab gets its own. Every lab
 * request, WebSocket and SockJS URL carries it as `?cid=`; the server copies it into each event's
 * `client` field, and a viewer watching `{ clients: [cid] }` sees exactly this tab's traffic.
 */
export const CLIENT_ID_STORAGE_KEY = 'wirelab-cid'
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const LENGTH = 10
const VALID = /^[A-Za-z0-9_-]{10}$/

/** Memory fallback when sessionStorage is blocked: stable for the page's life at least. */
let memoryId: string | undefined

function randomId(): string {
  const bytes = new Uint8Array(LENGTH)
  crypto.getRandomValues(bytes)
  let id = ''
  for (const byte of bytes) id += ALPHABET[byte & 63]
  return id
}

/** The tab's cid, created on first use. Browser only (throws no error, but needs `crypto`). */
export function getClientId(): string {
  try {
    const stored = sessionStorage.getItem(CLIENT_ID_STORAGE_KEY)
    if (stored !== null && VALID.test(stored)) return stored
    const id = memoryId ?? randomId()
    sessionStorage.setItem(CLIENT_ID_STORAGE_KEY, id)
    memoryId = id
    return id
  } catch {
    // Storage blocked (private mode, sandboxed iframe): keep one id for this page.
    memoryId ??= randomId()
    return memoryId
  }
}

/** `url` with `cid=<id>` added to its query (`?cid=` or `&cid=`), keeping any fragment. */
export function withClientId(url: string, cid: string): string {
  const hash = url.indexOf('#')
  const base = hash === -1 ? url : url.slice(0, hash)
  const fragment = hash === -1 ? '' : url.slice(hash)
  const separator = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?'
  return `${base}${separator}cid=${encodeURIComponent(cid)}${fragment}`
}

const noSubscription = () => () => {}

/** The tab's cid; `null` during the server render and hydration (no sessionStorage there). */
export function useClientId(): string | null {
  return useSyncExternalStore(noSubscription, getClientId, () => null)
}
