import { describe, expect, it } from 'vitest'
import type { WsFrameEvent } from './events'
import { applyMask, buildXray, encodeHeader, extendedLengthBytes, hexToBytes, inputFromEvent, overlaps, toHex, type XrayModel } from './xray'

const enc = (s: string) => new TextEncoder().encode(s)
const fields = { fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: false, maskKey: null, payloadLength: 5 }
const part = (m: XrayModel, id: string) => {
  const p = m.parts.find((x) => x.id === id)
  if (!p) throw new Error(`no part ${id}: ${m.parts.map((x) => x.id).join(', ')}`)
  return p
}
const bytesOf = (m: XrayModel, id: string) => toHex(m.wire.subarray(part(m, id).start, part(m, id).end), ' ')

describe('RFC 6455 §5.7 examples', () => {
  it('unmasked text "Hello" is 81 05 48 65 6c 6c 6f', () => {
    const m = buildXray({ ...fields, payload: enc('Hello') })
    expect(toHex(m.wire, ' ')).toBe('81 05 48 65 6c 6c 6f')
    expect(part(m, 'ws-fin').value).toMatch(/^1/)
    expect(part(m, 'ws-opcode').value).toBe('0x1 · text')
    expect(part(m, 'ws-mask').value).toMatch(/^0/)
    expect(part(m, 'ws-len7').value).toBe('5 octets')
    expect(m.parts.some((p) => p.id === 'ws-mask-key')).toBe(false)
    expect(bytesOf(m, 'ws-payload')).toBe('48 65 6c 6c 6f')
  })

  it('masked text "Hello" with key 37 fa 21 3d is 81 85 37 fa 21 3d 7f 9f 4d 51 58: the X-ray masks with the real key', () => {
    const m = buildXray({ ...fields, masked: true, maskKey: '37fa213d', headerHex: '818537fa213d', payload: enc('Hello') })
    expect(toHex(m.wire, ' ')).toBe('81 85 37 fa 21 3d 7f 9f 4d 51 58')
    expect(bytesOf(m, 'ws-mask-key')).toBe('37 fa 21 3d')
    expect(bytesOf(m, 'ws-payload')).toBe('7f 9f 4d 51 58')
    expect(new TextDecoder().decode(m.payload)).toBe('Hello')
    expect(m.notes).toEqual([])
  })

  it('unmasked ping "Hello" has opcode 0x9', () => {
    const m = buildXray({ ...fields, opcode: 9, payload: enc('Hello') })
    expect(toHex(m.wire.subarray(0, 2))).toBe('8905')
    expect(part(m, 'ws-opcode').value).toBe('0x9 · ping')
  })

  it('256 octets binary: 7-bit length 126 then a 16-bit length 0x0100', () => {
    const m = buildXray({ ...fields, opcode: 2, payloadLength: 256, payload: new Uint8Array(256) })
    expect(toHex(m.wire.subarray(0, 4), ' ')).toBe('82 7e 01 00')
    expect(part(m, 'ws-len7').value).toBe('126 · a 16-bit length follows')
    expect(bytesOf(m, 'ws-len-ext')).toBe('01 00')
    expect(part(m, 'ws-len-ext').label).toBe('extended length (16-bit)')
    expect(m.headerLength).toBe(4)
  })

  it('64 KiB binary: 7-bit length 127 then a 64-bit length', () => {
    const m = buildXray({ ...fields, opcode: 2, payloadLength: 65536, payload: new Uint8Array(16) })
    expect(toHex(m.wire.subarray(0, 10), ' ')).toBe('82 7f 00 00 00 00 00 01 00 00')
    expect(part(m, 'ws-len-ext').value).toBe('65536 octets')
    expect(m.missing).toBe(65536 - 16)
    expect(m.notes.join()).toMatch(/first 16 of 65536/)
  })
})

describe('frame header helpers', () => {
  it('extended length uses the minimal form', () => {
    expect([125, 126, 65535, 65536].map(extendedLengthBytes)).toEqual([0, 2, 2, 8])
  })
  it('encodeHeader sets FIN, RSV, opcode, MASK and the key', () => {
    const h = encodeHeader({ fin: false, rsv1: true, rsv2: false, rsv3: true, opcode: 0, masked: true, maskKey: 'a1b2c3d4', payloadLength: 3 })
    expect(toHex(h, ' ')).toBe('50 83 a1 b2 c3 d4')
  })
  it('applyMask is its own inverse', () => {
    const key = hexToBytes('0102 0304')
    const data = enc('any payload at all')
    expect(applyMask(applyMask(data, key), key)).toEqual(data)
  })
  it('a header that disagrees with the decoded fields is shown as received, with a note', () => {
    const m = buildXray({ ...fields, headerHex: '0105', payload: enc('Hello') })
    expect(toHex(m.wire.subarray(0, 2))).toBe('0105')
    expect(m.notes.join()).toMatch(/disagree/)
  })
  it('close frame: code and reason', () => {
    const payload = new Uint8Array([0x03, 0xe8, ...enc('bye')])
    const m = buildXray({ ...fields, opcode: 8, payloadLength: 5, payload })
    expect(part(m, 'close-code').value).toBe('1000')
    expect(part(m, 'close-reason').value).toBe('bye')
  })
})

describe('STOMP and JSON layers', () => {
  const send = 'SEND\ndestination:/topic/prices\ncontent-type:application/json\n\n{"sym":"ACME","px":[1,2]}\0'

  it('cuts a masked STOMP SEND into command, headers, blank line, body and NUL at the right wire octets', () => {
    const payload = enc(send)
    const m = buildXray({ ...fields, masked: true, maskKey: 'deadbeef', payloadLength: payload.length, payload })
    expect(m.headerLength).toBe(6)
    const stomp = m.parts.filter((p) => p.layer === 'stomp')
    expect(stomp.map((p) => p.label)).toEqual(['command', 'header', 'header', 'blank', 'body', 'nul'])
    expect(stomp.map((p) => p.value).slice(0, 3)).toEqual(['SEND', 'destination:/topic/prices', 'content-type:application/json'])
    // ranges: the command line "SEND\n" is the first 5 payload octets, after the 6 header octets
    expect([stomp[0].start, stomp[0].end]).toEqual([6, 11])
    const nul = stomp[5]
    expect(nul.end).toBe(m.wire.length)
    expect(m.payload[nul.start - 6]).toBe(0)
    expect(m.stomp?.frame?.command).toBe('SEND')
  })

  it('finds each top-level JSON member of the body, pretty-printed, inside the body range', () => {
    const payload = enc(send)
    const m = buildXray({ ...fields, payloadLength: payload.length, payload })
    const json = m.parts.filter((p) => p.layer === 'json')
    expect(json.map((p) => p.label)).toEqual(['sym', 'px'])
    expect(json[1].value).toBe('"px": [\n    1,\n    2\n  ]')
    const text = (id: string) => new TextDecoder().decode(m.wire.subarray(part(m, id).start, part(m, id).end))
    expect(text('json-0')).toBe('"sym":"ACME"')
    expect(text('json-1')).toBe('"px":[1,2]')
  })

  it('JSON without STOMP (a feed message over /ws/feed): members map to payload octets, multi-byte UTF-8 included', () => {
    const payload = enc('{ "text" : "héllo, wörld", "id": 7 }')
    const m = buildXray({ ...fields, payloadLength: payload.length, payload })
    expect(m.stomp).toBeNull()
    const j = m.parts.filter((p) => p.layer === 'json')
    expect(new TextDecoder().decode(m.wire.subarray(j[0].start, j[0].end))).toBe('"text" : "héllo, wörld"')
    expect(new TextDecoder().decode(m.wire.subarray(j[1].start, j[1].end))).toBe('"id": 7')
  })

  it('plain text has neither STOMP nor JSON layer; a heart-beat is shown as such', () => {
    expect(buildXray({ ...fields, payload: enc('hello') }).parts.filter((p) => p.layer !== 'ws')).toEqual([])
    const hb = buildXray({ ...fields, payloadLength: 1, payload: enc('\n') })
    expect(hb.parts.find((p) => p.layer === 'stomp')?.label).toBe('heartbeat')
  })

  it('a truncated STOMP preview still shows its parts, without a parsed frame', () => {
    const payload = enc('MESSAGE\ndestination:/topic/x\n\nabc')
    const m = buildXray({ ...fields, payloadLength: 1000, payload })
    expect(m.parts.filter((p) => p.layer === 'stomp').map((p) => p.label)).toEqual(['command', 'header', 'blank', 'body'])
    expect(m.stomp?.frame).toBeNull()
  })

  it('header values are shown decoded (1.2 escapes), as the parser reads them', () => {
    const payload = enc('SEND\ndestination:/a\\cb\n\n\0')
    const m = buildXray({ ...fields, payloadLength: payload.length, payload })
    expect(m.parts.find((p) => p.label === 'header')?.value).toBe('destination:/a:b')
  })
})

describe('inputFromEvent and selection', () => {
  const ev: WsFrameEvent = {
    type: 'ws.frame', t: 1, conn: 'ws-1', dir: 'in', fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1,
    masked: true, maskKey: '37fa213d', payloadLength: 5, headerBytes: 6, headerHex: '818537fa213d',
    preview: 'Hello', previewEncoding: 'text', truncated: false,
  }
  it('uses the preview text, or the learner’s own bytes when given', () => {
    expect(toHex(buildXray(inputFromEvent(ev)).wire)).toBe('818537fa213d7f9f4d5158')
    expect(inputFromEvent(ev, enc('HELLO')).payload).toEqual(enc('HELLO'))
    expect(inputFromEvent({ ...ev, preview: '48 65', previewEncoding: 'hex' }).payload).toEqual(enc('He'))
  })
  it('hovering FIN highlights FIN only, hovering octet 0 highlights every field in it', () => {
    const m = buildXray(inputFromEvent(ev))
    const fin = part(m, 'ws-fin')
    const hit = (sel: { start: number; end: number; bits?: readonly [number, number] }) => m.parts.filter((p) => overlaps(p, sel)).map((p) => p.id)
    expect(hit(fin)).toEqual(['ws-fin'])
    expect(hit(part(m, 'ws-opcode'))).toEqual(['ws-opcode'])
    expect(hit({ start: 0, end: 1 })).toEqual(['ws-fin', 'ws-rsv1', 'ws-rsv2', 'ws-rsv3', 'ws-opcode'])
    expect(hit({ start: 7, end: 8 })).toEqual(['ws-payload'])
  })
})
