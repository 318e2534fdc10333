/**
 * Octets typed by hand as hexadecimal, for the WebSocket console's binary messages and the accept
 * calculator: `01 02 ff`, `0102ff`, `0x01, 0x02, 0xff` and `01:02:ff` all mean the same 3 octets.
 * Separators are spaces, commas and colons; a `0x` prefix per octet is allowed. Anything else,
 * or an odd number of digits, is an error that says what to fix.
 */
export type HexOctets = { readonly bytes: Uint8Array } | { readonly error: string }

/** Enough for the lab: /ws/echo takes 64 KiB, nobody types more than this by hand. */
export const MAX_TYPED_OCTETS = 4096

export function parseHexOctets(text: string): HexOctets {
  const groups = text.trim().split(/[\s,:]+/).filter((g) => g !== '')
  if (groups.length === 0) return { error: 'Type some octets in hexadecimal, e.g. `01 02 ff`.' }
  let digits = ''
  for (const group of groups) {
    const bare = /^0x/i.test(group) ? group.slice(2) : group
    const bad = /[^0-9a-fA-F]/.exec(bare)
    if (bad) return { error: `\`${bad[0]}\` is not a hex digit: use 0-9 and a-f only (two digits per octet, e.g. \`01 02 ff\`).` }
    if (bare === '') return { error: '`0x` needs two hex digits after it, e.g. `0x0a`.' }
    if (bare.length % 2 === 1) return { error: `\`${group}\` has an odd number of digits: every octet is two hex digits (write \`0${bare}\` for a single one).` }
    digits += bare
  }
  const length = digits.length / 2
  if (length > MAX_TYPED_OCTETS) return { error: `That is ${length} octets; type at most ${MAX_TYPED_OCTETS} by hand.` }
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16)
  return { bytes }
}

export function isHexError(parsed: HexOctets): parsed is { readonly error: string } {
  return 'error' in parsed
}

/** `01 02 ff`: octets as two lower-case hex digits each, separated by spaces. */
export function formatHexOctets(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ')
}
