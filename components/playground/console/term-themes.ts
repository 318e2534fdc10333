/** xterm colours in the site palette (app/globals.css), readable on both backgrounds. */
import type { ITheme } from '@xterm/xterm'
import type { Theme } from '@/components/layout/theme'

export const TERM_THEMES: Readonly<Record<Theme, ITheme>> = {
  light: {
    background: '#f6f8fa', foreground: '#1b1f24', cursor: '#0a64b8', cursorAccent: '#f6f8fa',
    selectionBackground: '#b6d6f5',
    black: '#1b1f24', red: '#cf222e', green: '#1a7f37', yellow: '#9a6700', blue: '#0a64b8', magenta: '#8250df', cyan: '#0e6e80', white: '#6e7781',
    brightBlack: '#57606a', brightRed: '#a40e26', brightGreen: '#116329', brightYellow: '#7d4e00', brightBlue: '#084d8e', brightMagenta: '#6639ba', brightCyan: '#0b5566', brightWhite: '#8c959f',
  },
  dark: {
    background: '#0b0f14', foreground: '#e6edf3', cursor: '#6cb6ff', cursorAccent: '#0b0f14',
    selectionBackground: '#264f78',
    black: '#484f58', red: '#ff7b72', green: '#7ee787', yellow: '#d29922', blue: '#6cb6ff', magenta: '#d2a8ff', cyan: '#76e3ea', white: '#e6edf3',
    brightBlack: '#6e7681', brightRed: '#ffa198', brightGreen: '#aff5b4', brightYellow: '#e3b341', brightBlue: '#9ccbff', brightMagenta: '#e2c5ff', brightCyan: '#b3f0ff', brightWhite: '#ffffff',
  },
}
