// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { THEME_STORAGE_KEY, themeScript } from './theme'
import { ThemeToggle } from './ThemeToggle'

/** Runs the real inline <head> script, as the browser would before first paint. */
function runHeadScript() {
  new Function(themeScript)()
}

function emulateSystem(dark: boolean) {
  window.matchMedia = ((query: string) => ({
    matches: dark && query.includes('dark'),
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  })) as unknown as typeof window.matchMedia
}

describe('theme toggle', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.removeAttribute('data-theme')
  })
  afterEach(cleanup)

  it('the head script follows the system when nothing is stored', () => {
    emulateSystem(true)
    runHeadScript()
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark')
    emulateSystem(false)
    runHeadScript()
    expect(document.documentElement.getAttribute('data-theme')).toBe('light')
  })

  it('the head script applies a stored choice over the system', () => {
    emulateSystem(true)
    localStorage.setItem(THEME_STORAGE_KEY, 'light')
    runHeadScript()
    expect(document.documentElement.getAttribute('data-theme')).toBe('light')
  })

  it('ignores a garbage stored value', () => {
    emulateSystem(false)
    localStorage.setItem(THEME_STORAGE_KEY, 'purple')
    runHeadScript()
    expect(document.documentElement.getAttribute('data-theme')).toBe('light')
  })

  it('is a named toggle button that flips the theme, reports it, and stores the choice', async () => {
    emulateSystem(false)
    runHeadScript()
    render(<ThemeToggle />)
    const button = screen.getByRole('button', { name: 'Dark theme' })
    expect(button.getAttribute('aria-pressed')).toBe('false')

    await act(async () => fireEvent.click(button))
    expect(document.documentElement.getAttribute('data-theme')).toBe('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')
    expect(button.getAttribute('aria-pressed')).toBe('true')

    await act(async () => fireEvent.click(button))
    expect(document.documentElement.getAttribute('data-theme')).toBe('light')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light')
    expect(button.getAttribute('aria-pressed')).toBe('false')
  })

  it('reflects a theme changed elsewhere (another toggle, the system)', async () => {
    emulateSystem(false)
    runHeadScript()
    render(<ThemeToggle />)
    await act(async () => {
      document.documentElement.setAttribute('data-theme', 'dark')
      await new Promise((resolve) => setTimeout(resolve, 0)) // MutationObserver delivery
    })
    expect(screen.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true')
  })
})
