import type { Page } from '@playwright/test'
import { expectedLessons } from './course'
import { expect, test } from './fixtures'
import { card, connect, editorOf, editorText, logRow } from './playground-page'

const lesson = expectedLessons()[0]

for (const path of ['/', `/learn/${lesson.slug}`]) {
  test(`keyboard: the skip link is the first stop and moves focus to the content (${path})`, async ({ page }) => {
    await page.goto(path)
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Skip to content' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(page.locator('main#main')).toBeFocused()
    // The next Tab lands inside the main content, past the top bar and the sidebar.
    await page.keyboard.press('Tab')
    const insideMain = await page.evaluate(() => Boolean(document.activeElement?.closest('main')))
    expect(insideMain).toBe(true)
  })
}

test('keyboard: every control in the top bar has an accessible name and a visible focus ring', async ({ page }) => {
  await page.goto(`/learn/${lesson.slug}`)
  const controls = page.getByRole('banner').locator('a, button')
  const count = await controls.count()
  expect(count).toBeGreaterThan(2)
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    await control.focus()
    const { name, outline } = await control.evaluate((el) => ({
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
      outline: getComputedStyle(el).outlineStyle,
    }))
    expect(name, 'accessible name').not.toBe('')
    expect(outline, 'focus ring').not.toBe('none')
  }
})

test.describe('/playground', () => {
  test.describe.configure({ timeout: 60_000 }) // Monaco and a real broker: room for a loaded machine
  /** Where the focus is: inside which client's frame editor, or which control (its accessible name). */
  const focusIn = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement
      const editor = el?.closest('[data-testid="frame-editor"]')
      if (editor) return `editor of ${editor.closest('section[data-client]')?.getAttribute('data-client')}`
      return (el?.getAttribute('aria-label') ?? el?.textContent ?? el?.tagName ?? '').trim()
    })

  test('keyboard: Tab goes into a frame editor and out again without typing into it; Ctrl+M makes Tab indent, and the hint says so', async ({ page }) => {
    await page.goto('/playground')
    await connect(page, 'Alice')
    const editor = editorOf(page, 'Alice')
    await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
    const before = await editorText(page, 'Alice')

    // From Alice's Settings button, Tab reaches her editor (past "Remove Alice").
    await card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' }).focus()
    for (let i = 0; i < 4 && (await focusIn(page)) !== 'editor of Alice'; i++) await page.keyboard.press('Tab')
    expect(await focusIn(page)).toBe('editor of Alice')
    const hint = editor.getByText('Tab: next control · Ctrl+M: Tab indents')
    await expect(hint).toBeVisible()

    // The next Tab leaves the editor for the next control; nothing was typed into the frame.
    await page.keyboard.press('Tab')
    await expect(card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' })).toBeFocused()
    await expect(hint).toBeHidden()
    expect(await editorText(page, 'Alice')).toBe(before)
    await expect(editor.getByRole('status')).toContainText('No problems')

    // Shift+Tab comes back into the editor, and a second Shift+Tab leaves it backwards.
    await page.keyboard.press('Shift+Tab')
    expect(await focusIn(page)).toBe('editor of Alice')
    await page.keyboard.press('Shift+Tab')
    await expect(card(page, 'Alice').getByRole('button', { name: 'Remove Alice' })).toBeFocused()
    expect(await editorText(page, 'Alice')).toBe(before)

    // Ctrl+M: Tab indents (for whoever wants it), the hint says how to get out again.
    await page.keyboard.press('Tab')
    expect(await focusIn(page)).toBe('editor of Alice')
    await page.keyboard.press('Control+M')
    await expect(editor.getByText('Tab indents · Ctrl+M: Tab moves the focus')).toBeVisible()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Tab')
    expect(await focusIn(page)).toBe('editor of Alice')
    await page.keyboard.press('Control+M')
    await page.keyboard.press('Tab')
    await expect(card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' })).toBeFocused()
  })

  test('keyboard: inside a template Tab moves between its placeholders instead of leaving the editor', async ({ page }) => {
    await page.goto('/playground')
    const editor = editorOf(page, 'Bob')
    await expect(editor).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
    await editor.locator('.view-lines').click()
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.press('Delete')
    await page.keyboard.type('SEND')
    const template = page.getByRole('listbox', { name: 'Suggest' }).getByRole('listitem', { name: /^SEND frame/ })
    await expect(template).toBeVisible()
    await page.keyboard.press('ArrowDown')
    await expect(template).toHaveClass(/focused/)
    await page.keyboard.press('Enter')
    // placeholder 1: the destination (selected: typing replaces it)
    await page.keyboard.type('/queue/kbd')
    await page.keyboard.press('Tab') // → content-type (a choice)
    expect(await focusIn(page)).toBe('editor of Bob')
    await page.keyboard.press('Escape') // close the choice list, stay in the template
    await page.keyboard.press('Tab') // → the body
    expect(await focusIn(page)).toBe('editor of Bob')
    await page.keyboard.type('typed in the body')
    await expect.poll(() => editorText(page, 'Bob')).toBe('SEND\ndestination:/queue/kbd\ncontent-type:text/plain\n\ntyped in the body\n^@\n') // the template ends on a fresh line
    await expect(editor.getByRole('status')).toContainText('No problems')
  })

  test('keyboard: every control on /playground has an accessible name', async ({ page }) => {
    await page.goto('/playground')
    await expect(editorOf(page, 'Alice')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
    await connect(page, 'Alice')
    // open what hides controls: Alice's settings, a frame's details, the console, each side tab
    await card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' }).click()
    await logRow(page, 'Alice', 'CONNECTED').click()
    await card(page, 'Bob').getByRole('tab', { name: 'Console' }).click()
    await expect(card(page, 'Bob').locator('.xterm-rows')).toBeVisible({ timeout: 15_000 })
    // Playwright's accessibility tree (its own accessible-name computation) of the page's main
    // content: every control in it must come with a name, in each side tab.
    const CONTROL = /^\s*- (button|link|textbox|searchbox|checkbox|radio|combobox|listbox|option|tab|separator|slider|spinbutton|switch)\b(.*)$/
    let controls = 0
    for (const tab of ['All clients', 'Saved', 'Diagrams']) {
      await page.getByRole('tab', { name: tab }).click()
      if (tab === 'Diagrams') await expect(page.getByRole('heading', { name: 'Pub-sub map' })).toBeVisible({ timeout: 15_000 })
      const tree = await page.locator('main').ariaSnapshot()
      const lines = tree.split('\n').flatMap((line) => {
        const m = CONTROL.exec(line)
        return m === null ? [] : [{ line: line.trim(), named: /^\s*"/.test(m[2]) }]
      })
      controls += lines.length
      expect(lines.filter((l) => !l.named).map((l) => `${tab}: ${l.line}`), 'controls without an accessible name').toEqual([])
    }
    expect(controls).toBeGreaterThan(60)
  })
})
