// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** mermaid's layout needs a real browser (e2e covers it); here its API is scripted. */
const api = vi.hoisted(() => ({
  initialize: vi.fn(),
  render: vi.fn(async (id: string, text: string) => {
    if (text.includes('broken')) throw new Error('Parse error on line 2')
    return { svg: `<svg id="${id}" data-text="${text.length}"><text>ok</text></svg>` }
  }),
}))
vi.mock('mermaid', () => ({ default: api }))

import { Mermaid } from './Mermaid'

describe('Mermaid', () => {
  beforeEach(() => {
    api.initialize.mockClear()
    api.render.mockClear()
    document.documentElement.setAttribute('data-theme', 'light')
  })
  afterEach(cleanup)

  it('shows a same-size placeholder, then the SVG mermaid rendered (strict security, no auto start)', async () => {
    render(<Mermaid source={'sequenceDiagram\n  A->>B: hi\n'} label="Sequence diagram" minHeight="20rem" />)
    const placeholder = screen.getByRole('img', { name: 'Sequence diagram (loading)' })
    expect(placeholder.style.minHeight).toBe('20rem')
    const figure = await screen.findByRole('figure', { name: 'Sequence diagram' })
    expect(figure.querySelector('svg text')?.textContent).toBe('ok')
    expect(api.initialize).toHaveBeenCalledWith(expect.objectContaining({ startOnLoad: false, securityLevel: 'strict' }))
  })

  it('a source mermaid rejects gives an error box with the message and the source, not a blank', async () => {
    render(<Mermaid source={'sequenceDiagram\n  broken'} label="Sequence diagram" />)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The diagram could not be drawn')
    expect(alert.textContent).toContain('Parse error on line 2')
    expect(alert.querySelector('pre')?.textContent).toBe('sequenceDiagram\n  broken')
  })

  it('follows the theme: dark colours after <html data-theme="dark">', async () => {
    document.documentElement.setAttribute('data-theme', 'dark')
    render(<Mermaid source={'sequenceDiagram\n  A->>B: hi\n'} label="d" />)
    await screen.findByRole('figure')
    const config = api.initialize.mock.calls.at(-1)?.[0] as { themeVariables: { background: string } }
    expect(config.themeVariables.background).toBe('#0f1419')
  })

  it('coalesces quick updates: the last source is the one drawn', async () => {
    const { rerender } = render(<Mermaid source="sequenceDiagram\n  A->>B: 1" label="d" />)
    for (let i = 2; i <= 6; i++) rerender(<Mermaid source={`sequenceDiagram\n  A->>B: ${'x'.repeat(i)}`} label="d" />)
    await waitFor(() => expect(screen.getByRole('figure').querySelector('svg')?.getAttribute('data-text')).toBe(String('sequenceDiagram\n  A->>B: xxxxxx'.length)))
    expect(api.render.mock.calls.length).toBeLessThan(6)
  })
})
