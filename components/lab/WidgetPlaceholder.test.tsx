// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WhenVisible } from './WidgetPlaceholder'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const size = { wide: '41rem', narrow: '96rem' }

describe('WhenVisible', () => {
  it('shows a busy placeholder of the given size until the box nears the viewport, then the widget', () => {
    let callback: ((entries: { isIntersecting: boolean }[]) => void) | null = null
    const disconnect = vi.fn()
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(cb: (entries: { isIntersecting: boolean }[]) => void) {
          callback = cb
        }
        observe() {}
        disconnect = disconnect
      },
    )
    render(
      <WhenVisible label="transport race" size={size}>
        <p>the widget</p>
      </WhenVisible>,
    )
    const box = screen.getByText('Loading the transport race…').parentElement
    expect(box?.getAttribute('aria-busy')).toBe('true')
    expect(box?.style.getPropertyValue('--ph-wide')).toBe('41rem')
    expect(box?.style.getPropertyValue('--ph-narrow')).toBe('96rem')
    expect(screen.queryByText('the widget')).toBeNull()

    act(() => callback?.([{ isIntersecting: false }]))
    expect(screen.queryByText('the widget')).toBeNull()
    act(() => callback?.([{ isIntersecting: true }]))
    expect(screen.getByText('the widget')).toBeTruthy()
    expect(disconnect).toHaveBeenCalled()
  })

  it('renders the widget at once where IntersectionObserver does not exist', () => {
    vi.stubGlobal('IntersectionObserver', undefined)
    render(
      <WhenVisible label="frame X-ray" size={size}>
        <p>the widget</p>
      </WhenVisible>,
    )
    expect(screen.getByText('the widget')).toBeTruthy()
  })
})
