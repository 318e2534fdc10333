import type { Page } from '@playwright/test'
import { checkerReady, exercise } from './exercise'
import { expect } from './fixtures'
import { card, editorOf, statusOf } from './playground-page'

/**
 * Drives the STOMP lessons (09-12) like a learner: the lesson's named client cards (the
 * playground's, embedded), their editors and buttons, next to an exercise panel.
 */

/** Opens a lesson, brings the given clients and the exercise into view, waits for the checker. */
export async function openLesson(page: Page, slug: string, exerciseId: string, clients: readonly string[]): Promise<void> {
  await page.goto(`/learn/${slug}`)
  for (const name of clients) {
    // widgets load when scrolled near: step down the page until the card is there
    for (let i = 0; i < 40 && (await card(page, name).count()) === 0; i++) {
      const placeholder = page.locator('[aria-busy="true"]').first()
      if ((await placeholder.count()) > 0) await placeholder.scrollIntoViewIfNeeded({ timeout: 2000 }).catch(() => {}) // it may load meanwhile
      else await page.mouse.wheel(0, 600)
      await page.waitForTimeout(150)
    }
    await expect(card(page, name)).toBeVisible({ timeout: 15_000 })
    await expect(editorOf(page, name)).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  }
  await exercise(page, exerciseId).scrollIntoViewIfNeeded()
  await checkerReady(page, exerciseId)
}

/** Presses Connect and waits for the state the client reaches by itself ('open' when the learner writes CONNECT). */
export async function connectClient(page: Page, name: string, state: 'open' | 'connected'): Promise<void> {
  await card(page, name).getByRole('button', { name: `Connect ${name}`, exact: true }).click()
  await expect(statusOf(page, name)).toHaveAttribute('data-state', state, { timeout: 15_000 })
}

export async function waitState(page: Page, name: string, state: string): Promise<void> {
  await expect(statusOf(page, name)).toHaveAttribute('data-state', state, { timeout: 15_000 })
}

/**
 * Replaces the editor's text from the keyboard as one text input (what a paste or an input
 * method delivers: no Enter key press, so an open completion list can never take it over), then
 * presses Send all.
 */
export async function typeAndSend(page: Page, name: string, lines: readonly string[]): Promise<void> {
  await card(page, name).scrollIntoViewIfNeeded()
  const editor = editorOf(page, name)
  await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.keyboard.insertText(lines.join('\n'))
  await page.keyboard.press('Escape')
  await card(page, name).getByRole('button', { name: `Send all frames of ${name}` }).click()
}

/** A destination name no other test (or learner) uses at the same time. */
export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`
}
