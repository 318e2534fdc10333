import type { Page } from '@playwright/test'
import { expect } from './fixtures'
import { card, connect, editorOf } from './playground-page'

/** Lessons 13-15: bring a lazily loaded lesson client into view (its placeholder mounts it when near). */
export async function showClient(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 40 && (await card(page, name).count()) === 0; i++) {
    await page.mouse.wheel(0, 500)
    await page.waitForTimeout(150)
  }
  await card(page, name).scrollIntoViewIfNeeded()
  await expect(editorOf(page, name)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
}

/** Connect a client (its CONNECT from its settings) and send everything in its editor. */
export async function connectAndSendAll(page: Page, name: string): Promise<void> {
  await showClient(page, name)
  await connect(page, name)
  await sendAll(page, name)
}

export async function sendAll(page: Page, name: string): Promise<void> {
  await card(page, name).getByRole('button', { name: `Send all frames of ${name}` }).click()
}

/** Puts text into the capstone's code editor the way a learner pastes it (exact, no auto-indent). */
export async function pasteCode(page: Page, code: string): Promise<void> {
  const editor = page.getByTestId('code-editor')
  await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.press('Delete')
  await page.evaluate((text) => navigator.clipboard.writeText(text), code)
  await page.keyboard.press('ControlOrMeta+V')
}
