// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildXray, type XrayModel } from '@/lib/inspect/xray'
import { HeaderLayer } from './HeaderLayer'
import { HexDump } from './HexDump'
import { PayloadLayers } from './PayloadLayers'
import { useXraySelection } from './useXraySelection'

afterEach(cleanup)

/** The three layers sharing one selection, as FrameXray wires them. */
function Harness({ model }: { model: XrayModel }) {
  const props = { model, ...useXraySelection() }
  return (
    <>
      <HexDump {...props} />
      <HeaderLayer {...props} />
      <PayloadLayers {...props} />
    </>
  )
}

const enc = (s: string) => new TextEncoder().encode(s)
const litOffsets = (container: HTMLElement) =>
  [...container.querySelectorAll<HTMLElement>('[data-offset]')].filter((el) => /lit/.test(el.className)).map((el) => Number(el.dataset.offset))

function stompModel(): XrayModel {
  const payload = enc('SEND\ndestination:/q\n\n{"a":1}\0')
  return buildXray({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: true, maskKey: '0a0b0c0d', payloadLength: payload.length, payload })
}

describe('frame X-ray layers', () => {
  it('shows FIN, opcode and MASK of a masked text frame, and the real masking key', () => {
    render(<Harness model={stompModel()} />)
    expect(screen.getByTestId('xray-ws-fin').textContent).toMatch(/^1 · final/)
    expect(screen.getByTestId('xray-ws-opcode').textContent).toBe('0x1 · text')
    expect(screen.getByTestId('xray-ws-mask').textContent).toMatch(/^1 · masked/)
    expect(screen.getByTestId('xray-ws-mask-key').textContent).toBe('0a0b0c0d')
    const keyRow = [...screen.getByTestId('xray-xor').querySelectorAll('tr')].find((tr) => tr.textContent?.startsWith('⊕ key'))
    expect([...(keyRow?.querySelectorAll('td') ?? [])].map((td) => td.textContent)).toEqual(['0a', '0b', '0c', '0d', '0a', '0b', '0c', '0d', '…'])
  })

  it('hovering the masking key field lights exactly its four octets in the hex dump', () => {
    const { container } = render(<Harness model={stompModel()} />)
    const field = container.querySelector('li[data-part="ws-mask-key"]')
    if (!field) throw new Error('no masking key field')
    fireEvent.mouseEnter(field)
    expect(litOffsets(container)).toEqual([2, 3, 4, 5])
    fireEvent.mouseLeave(field)
    expect(litOffsets(container)).toEqual([])
  })

  it('focusing a JSON member (keyboard) lights its octets and the STOMP body line that holds them', () => {
    const model = stompModel()
    const { container } = render(<Harness model={model} />)
    const member = container.querySelector<HTMLElement>('[data-part="json-0"]')
    if (!member) throw new Error('no JSON member')
    fireEvent.focus(member)
    const json = model.parts.find((p) => p.id === 'json-0')
    expect(litOffsets(container)).toEqual(Array.from({ length: (json?.end ?? 0) - (json?.start ?? 0) }, (_, i) => (json?.start ?? 0) + i))
    const body = [...container.querySelectorAll<HTMLElement>('[data-part^="stomp-"]')].find((el) => el.textContent?.startsWith('body'))
    expect(body?.className).toMatch(/lit/)
    const command = container.querySelector<HTMLElement>('[data-part="stomp-0"]')
    expect(command?.className).not.toMatch(/lit/)
  })

  it('keyboard focus stays lit when the pointer leaves some other part; hover wins while it lasts', () => {
    const model = stompModel()
    const { container } = render(<Harness model={model} />)
    const key = container.querySelector<HTMLElement>('li[data-part="ws-mask-key"]')
    const fin = container.querySelector<HTMLElement>('li[data-part="ws-fin"]')
    if (!key || !fin) throw new Error('no fields')
    fireEvent.focus(key)
    expect(litOffsets(container)).toEqual([2, 3, 4, 5])
    fireEvent.mouseEnter(fin)
    expect(litOffsets(container)).toEqual([0])
    fireEvent.mouseLeave(fin)
    expect(litOffsets(container)).toEqual([2, 3, 4, 5])
    fireEvent.blur(key)
    expect(litOffsets(container)).toEqual([])
  })

  it('hovering one octet of the payload lights the STOMP line it belongs to', () => {
    const model = stompModel()
    const { container } = render(<Harness model={model} />)
    const first = container.querySelector<HTMLElement>(`[data-offset="${model.headerLength}"]`) // the S of SEND
    if (!first) throw new Error('no octet')
    fireEvent.mouseEnter(first)
    expect(container.querySelector('[data-part="stomp-0"]')?.className).toMatch(/lit/)
    expect(container.querySelector('[data-part="stomp-1"]')?.className).not.toMatch(/lit/)
  })

  it('the hex dump toggles between the masked wire octets and the unmasked payload', () => {
    const model = stompModel()
    const { container } = render(<Harness model={model} />)
    const octet = () => container.querySelector<HTMLElement>(`[data-offset="${model.headerLength}"]`)?.textContent
    expect(octet()).toBe((0x53 ^ 0x0a).toString(16).padStart(2, '0')) // 'S' masked with 0a
    fireEvent.click(screen.getByRole('button', { name: 'Unmasked' }))
    expect(octet()).toBe('53')
  })

  it('a plain text message gets a Payload layer, an unmasked server frame no key and no unmask toggle', () => {
    const m = buildXray({ fin: true, rsv1: false, rsv2: false, rsv3: false, opcode: 1, masked: false, maskKey: null, payloadLength: 5, payload: enc('hello') })
    render(<Harness model={m} />)
    expect(screen.getByTestId('xray-text').textContent).toContain('hello')
    expect(screen.queryByTestId('xray-ws-mask-key')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Unmasked' })).toBeNull()
  })
})
