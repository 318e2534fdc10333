import type { Locator, Page } from '@playwright/test'
import { expect } from './fixtures'

/**
 * Drives a lesson's exercise panel the way a learner reads it: the panel by its exercise id, each
 * step's status (done / todo / wrong) as the server's checker reports it, the messages it shows.
 */
export function exercise(page: Page, id: string): Locator {
  return page.locator(`section[data-exercise="${id}"]`)
}

export function step(page: Page, id: string, stepId: string): Locator {
  return exercise(page, id).locator(`li[data-step="${stepId}"]`)
}

/** Waits for the exercise checker to be connected (its live line says so). */
export async function checkerReady(page: Page, id: string): Promise<void> {
  await expect(exercise(page, id).getByRole('status')).toContainText('Checked live by the server', { timeout: 15_000 })
}

export async function expectStep(page: Page, id: string, stepId: string, status: 'done' | 'todo' | 'wrong', message?: RegExp | string): Promise<void> {
  const li = step(page, id, stepId)
  await expect(li).toHaveAttribute('data-status', status, { timeout: 15_000 })
  if (message !== undefined) await expect(li).toContainText(message)
}

/** The exercise is done: its pill says so, and the sidebar/course map record it. */
export async function expectDone(page: Page, id: string): Promise<void> {
  await expect(exercise(page, id)).toHaveAttribute('data-state', 'done', { timeout: 15_000 })
  await expect(exercise(page, id).getByTestId('exercise-state')).toHaveText('✓ Done')
  const stored = await page.evaluate(() => localStorage.getItem('wirelab-progress-v1'))
  expect(JSON.parse(stored ?? '{}').exercises?.[id]).toBeTruthy()
}
