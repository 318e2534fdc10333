/**
 * Sec-WebSocket-Accept, step by step, in the browser (RFC 6455 §4.2.2 item 5.4, §1.3):
 * key + GUID → SHA-1 (Web Crypto) → base64. Each step's value is returned so the handshake view
 * can show them side by side with the server's answer.
 */
export const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'

export interface AcceptSteps {
  readonly key: string
  /** key + GUID, the exact string hashed. */
  readonly concatenated: string
  /** The 20-octet SHA-1 digest as lower-case hex. */
  readonly sha1Hex: string
  /** base64 of the digest: the value the server must send. */
  readonly accept: string
}

export function base64(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

export async function computeAcceptSteps(key: string): Promise<AcceptSteps> {
  const concatenated = key + WS_GUID
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(concatenated)))
  const sha1Hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')
  return { key, concatenated, sha1Hex, accept: base64(digest) }
}
