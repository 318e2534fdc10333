/**
 * Light/dark theme. `<html data-theme>` is the single source of truth: the inline script in
 * <head> sets it before first paint (stored choice, else the system's), and the toggle changes
 * it and remembers the choice in localStorage. With no stored choice the page keeps following
 * the system setting live.
 */
export type Theme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'wirelab-theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Runs in <head> before the body is parsed: no flash of the wrong theme. Keep it tiny and ES5. */
export const themeScript = `(function(){var d=document.documentElement,t;try{t=localStorage.getItem('${THEME_STORAGE_KEY}')}catch(e){}if(t!=='light'&&t!=='dark'){t=window.matchMedia&&matchMedia('${DARK_QUERY}').matches?'dark':'light'}d.setAttribute('data-theme',t)})()`

export function isTheme(value: unknown): value is Theme {
  return value === 'light' || value === 'dark'
}

export function storedTheme(): Theme | undefined {
  try {
    const value = localStorage.getItem(THEME_STORAGE_KEY)
    return isTheme(value) ? value : undefined
  } catch {
    return undefined
  }
}

function apply(theme: Theme) {
  const root = document.documentElement
  root.setAttribute('data-theme', theme)
}

/** The toggle: apply and remember. */
export function setTheme(theme: Theme) {
  apply(theme)
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme)
  } catch {
    // Storage blocked (private mode): the choice lasts for this page only.
  }
}

export function currentTheme(): Theme | undefined {
  const value = document.documentElement.getAttribute('data-theme')
  return isTheme(value) ? value : undefined
}

/** useSyncExternalStore subscription: data-theme changes, and system changes while no choice is stored. */
export function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  const media = window.matchMedia?.(DARK_QUERY)
  const onSystem = (event: MediaQueryListEvent) => {
    if (!storedTheme()) apply(event.matches ? 'dark' : 'light')
  }
  media?.addEventListener('change', onSystem)
  return () => {
    observer.disconnect()
    media?.removeEventListener('change', onSystem)
  }
}
