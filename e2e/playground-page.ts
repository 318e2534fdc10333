import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/** Drives /playground the way a learner does: buttons by their names, Monaco by the keyboard. */

export function card(page: Page, name: string): Locator {
  return page.locator(`section[data-client="${name}"]`)
}

export function statusOf(page: Page, name: string): Locator {
  return page.getByRole('status', { name: `${name} status` })
}

export async function connect(page: Page, name: string): Promise<void> {
  await card(page, name).getByRole('button', { name: `Connect ${name}`, exact: true }).click()
  await expect(statusOf(page, name)).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
}

/** Chooses an endpoint preset in the client's settings (opened and closed again). */
export async function choosePreset(page: Page, name: string, label: string): Promise<void> {
  const settings = card(page, name).getByRole('button', { name: `Settings of ${name}` })
  await settings.click()
  await card(page, name).getByLabel('Endpoint').selectOption({ label })
  await settings.click()
}

export function editorOf(page: Page, name: string): Locator {
  return card(page, name).getByTestId('frame-editor')
}

/**
 * Replaces the client's editor text by typing it (Monaco 0.57 has no textarea: click
 * `.view-lines`, then the keyboard). Escape before each Enter closes a completion list so Enter
 * always breaks the line, whatever the list offers (for texts that are not about completion;
 * typeAsAPerson types without it).
 */
export async function typeDocument(page: Page, name: string, lines: readonly string[]): Promise<void> {
  const editor = editorOf(page, name)
  await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  for (const [i, line] of lines.entries()) {
    if (line !== '') await page.keyboard.type(line)
    await page.keyboard.press('Escape')
    if (i < lines.length - 1) await page.keyboard.press('Enter')
  }
}

/** Replaces the client's editor text by typing it the way a person does: the lines, Enter between them, no Escape. */
export async function typeAsAPerson(page: Page, name: string, lines: readonly string[]): Promise<void> {
  const editor = editorOf(page, name)
  await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  for (const [i, line] of lines.entries()) {
    if (line !== '') await page.keyboard.type(line)
    if (i < lines.length - 1) await page.keyboard.press('Enter')
  }
}

/**
 * The visible text of the editor, line by line as Monaco draws them (sorted by their place: the
 * line elements are not in document order; empty lines kept, which innerText drops; Monaco renders
 * spaces as U+00A0). Only the lines in view are drawn: keep documents short enough to fit.
 */
export async function editorText(page: Page, name: string): Promise<string> {
  return editorOf(page, name).locator('.view-lines').evaluate((el) =>
    Array.from(el.querySelectorAll<HTMLElement>('.view-line'))
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => (line.textContent ?? '').replaceAll('\u00a0', ' '))
      .join('\n'),
  )
}

export function logOf(page: Page, name: string): Locator {
  return page.getByRole('listbox', { name: `${name}'s frame log` })
}

export function logRow(page: Page, name: string, command: string): Locator {
  // The row's accessible name reads "<time> <sent|received> <COMMAND> <summary>".
  return logOf(page, name).getByRole('option', { name: new RegExp(`(sent|received) ${command}( |$)`) })
}
