import { expect, test } from './fixtures'
import { card, connect, editorOf, editorText, logOf, logRow, statusOf, typeAsAPerson, typeDocument } from './playground-page'

/**
 * The STOMP playground in Chromium against the real Wirelab server: two named clients, the
 * Monaco frame editor with the shared linter's diagnostics, the raw client's log and console,
 * share links. The fixture fails any test that sends a request beyond localhost.
 */

test('Alice subscribes (typo caught, fixed, Ctrl+Enter), Bob sends, Alice sees the MESSAGE; a share link reopens the frames', async ({ page, context }) => {
  test.setTimeout(90_000)
  const destination = `/topic/e2e.playground.${Date.now()}`
  const opened = Date.now()
  await page.goto('/playground')
  await connect(page, 'Alice')
  await expect(statusOf(page, 'Alice')).toContainText(/STOMP 1\.2 · heart-beat ↑\d+ ↓\d+ ms · v12\.stomp · session \S+/)
  await expect(logRow(page, 'Alice', 'CONNECTED')).toHaveCount(1)

  // A SUBSCRIBE with a typo: the linter (the broker's own rules) flags the missing destination.
  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:sub-0', `destinaton:${destination}`, '', '^@'])
  const editor = editorOf(page, 'Alice')
  test.info().annotations.push({ type: 'editor ready after page open (ms, incl. connect and typing)', description: String(Date.now() - opened) })
  await expect(editor.locator('.squiggly-error').first()).toBeVisible({ timeout: 10_000 })
  await editor.getByRole('button', { name: 'Next problem' }).click()
  await expect(editor.getByRole('status')).toContainText(/Line \d: .*destination/)
  await expect(editor.getByRole('alert').filter({ hasText: 'Missing header: destination' })).toBeVisible()
  await page.keyboard.press('Escape') // close Monaco's problem peek

  // Fix it, and the diagnostic goes away.
  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:sub-0', `destination:${destination}`, '', '^@'])
  await expect(editor.locator('.squiggly-error')).toHaveCount(0, { timeout: 10_000 })

  // Ctrl+Enter sends the frame under the cursor.
  await editor.locator('.view-lines').click()
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(logRow(page, 'Alice', 'SUBSCRIBE')).toHaveCount(1)
  await expect(logRow(page, 'Alice', 'SUBSCRIBE')).toContainText(`destination:${destination}`)

  // Bob connects and sends to the same destination.
  await connect(page, 'Bob')
  await typeDocument(page, 'Bob', ['SEND', `destination:${destination}`, 'content-type:text/plain', '', 'hello Alice, from Bob', '^@'])
  await card(page, 'Bob').getByRole('button', { name: 'Send all frames of Bob' }).click()
  await expect(logRow(page, 'Bob', 'SEND')).toHaveCount(1)

  // Alice's log shows the MESSAGE, with headers and body in the details.
  const message = logRow(page, 'Alice', 'MESSAGE')
  await expect(message).toHaveCount(1, { timeout: 10_000 })
  await expect(message).toContainText('hello Alice, from Bob')
  await message.click()
  const details = card(page, 'Alice').getByRole('region', { name: /MESSAGE received/ })
  await expect(details.getByRole('rowheader', { name: 'subscription' })).toBeVisible()
  await expect(details.getByRole('row', { name: /subscription sub-0/ })).toBeVisible()
  await expect(details.getByLabel('Body', { exact: true })).toHaveText('hello Alice, from Bob')

  // …and so does her console (the raw stream, NUL shown as ^@).
  await card(page, 'Alice').getByRole('tab', { name: 'Console' }).click()
  const rows = card(page, 'Alice').locator('.xterm-rows')
  await expect(rows).toContainText('MESSAGE', { timeout: 15_000 })
  await expect(rows).toContainText('hello Alice, from Bob')

  // The combined log has both sides, in order.
  const combined = page.getByRole('listbox', { name: 'Combined frame log' })
  await expect(combined.getByRole('option', { name: /sent Bob SEND / })).toHaveCount(1)
  await expect(combined.getByRole('option', { name: /received Alice MESSAGE / })).toHaveCount(1)

  // A share link of Alice's editor reopens the same frames in a fresh page.
  const aliceDoc = await editorText(page, 'Alice')
  await page.getByRole('tab', { name: 'Saved' }).click()
  await page.getByRole('button', { name: "Share link for Alice's editor" }).click()
  const link = await page.getByLabel(/Share link/).inputValue()
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/playground#share=1[dp]\./)
  const other = await context.newPage()
  await other.goto(link)
  await expect(other.getByRole('status').filter({ hasText: /Opened shared frames/ })).toBeVisible()
  await expect(editorOf(other, 'Alice')).toHaveAttribute('data-ready', 'true', { timeout: 20_000 })
  await expect.poll(() => editorText(other, 'Alice')).toBe(aliceDoc)
  await other.close()
})

test('typing frames line by line: Enter breaks the line even when the suggestion is the word already typed', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/playground')
  // Each line ends on a word the completion list also offers (SEND, SUBSCRIBE, sub-0, client):
  // Enter must give a new line, not accept the same word again.
  for (const lines of [
    ['SEND', 'destination:/queue/typed', '', 'hello', '^@'],
    ['SUBSCRIBE', 'id:sub-0', 'destination:/queue/typed', 'ack:client', '', '^@'],
  ]) {
    await typeAsAPerson(page, 'Alice', lines)
    await expect.poll(() => editorText(page, 'Alice')).toBe(lines.join('\n'))
    await expect(editorOf(page, 'Alice').getByRole('status')).toContainText('No problems')
  }
})

test('a broken share link explains itself; the log filters and copies frames', async ({ page }) => {
  await page.goto('/playground#share=1d.this-is-not-deflate')
  await expect(page.getByRole('alert').filter({ hasText: 'share link' })).toContainText(/could not be opened: .*(damaged|cut)/, { timeout: 15_000 })

  await connect(page, 'Alice')
  const log = logOf(page, 'Alice')
  await expect(log.getByRole('option')).not.toHaveCount(0)
  // Filter by direction: only what Alice received.
  await card(page, 'Alice').getByLabel("Alice's frame log: direction").selectOption('received')
  await expect(log.getByRole('option')).toHaveCount(1)
  await expect(log.getByRole('option')).toContainText('CONNECTED')
  // A bad regex is reported and ignored.
  await card(page, 'Alice').getByLabel("Alice's frame log: direction").selectOption('all')
  await card(page, 'Alice').getByLabel("Alice's frame log: regular expression filter").fill('version(')
  await expect(card(page, 'Alice').getByText(/Invalid regular expression/)).toBeVisible()
  await card(page, 'Alice').getByLabel("Alice's frame log: regular expression filter").fill('accept-version:1\\.2')
  await expect(log.getByRole('option')).toHaveCount(1)
  await expect(log.getByRole('option')).toContainText('CONNECT')

  // Keyboard: focus the log, select with the arrows, Enter opens the details.
  await log.focus()
  await page.keyboard.press('End')
  await page.keyboard.press('Enter')
  const details = card(page, 'Alice').getByRole('region', { name: /CONNECT sent/ })
  await expect(details.getByRole('row', { name: /accept-version 1\.2,1\.1,1\.0/ })).toBeVisible()
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await details.getByRole('button', { name: 'Copy as stompjs' }).click()
  await expect(details.getByRole('status')).toHaveText('stompjs snippet copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toContain("stompVersions: new Versions(\"1.2,1.1,1.0\".split(','))")
})

test('SockJS with a forced transport: connect, subscribe and receive over xhr-streaming', async ({ page }) => {
  const destination = `/queue/e2e.sockjs.${Date.now()}`
  await page.goto('/playground')
  const settings = card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' })
  await settings.click()
  await card(page, 'Alice').getByLabel('Endpoint').selectOption({ label: 'Wirelab · SockJS' })
  await card(page, 'Alice').getByLabel('SockJS transport').selectOption('xhr-streaming')
  await settings.click()
  await connect(page, 'Alice')
  await expect(statusOf(page, 'Alice')).toContainText('SockJS xhr-streaming')
  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:s', `destination:${destination}`, '', '^@', 'SEND', `destination:${destination}`, '', 'to myself over SockJS', '^@'])
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await expect(logRow(page, 'Alice', 'MESSAGE')).toContainText('to myself over SockJS', { timeout: 10_000 })
})

test('close codes are shown with their meaning', async ({ page }) => {
  await page.goto('/playground')
  await connect(page, 'Alice')
  await card(page, 'Alice').getByRole('tab', { name: 'Console' }).click()
  const term = card(page, 'Alice').locator('.xterm-helper-textarea')
  await expect(card(page, 'Alice').locator('.xterm-rows')).toBeVisible({ timeout: 15_000 })
  await term.focus()
  await page.keyboard.type('/close 4000 lesson over')
  await page.keyboard.press('Enter')
  await expect(statusOf(page, 'Alice')).toHaveAttribute('data-state', 'closed')
  await expect(statusOf(page, 'Alice')).toContainText('4000 Application “lesson over” — Private use')
})

test('saved collections: folders, keyboard reorder, survive a reload, export and import (bad files explained)', async ({ page }) => {
  await page.goto('/playground')
  await page.getByRole('tab', { name: 'Saved' }).click()
  for (const name of ['first', 'second']) {
    await page.getByLabel('Name', { exact: true }).fill(name)
    await page.getByLabel('Folder', { exact: true }).fill('Basics')
    await page.getByRole('button', { name: "Save Alice's editor" }).click()
  }
  const basics = page.getByRole('region', { name: 'Folder Basics' })
  const names = async () => (await basics.getByRole('button', { name: /: open in Alice's editor$/ }).allInnerTexts()).map((t) => t.split('\n')[0])
  await expect.poll(names).toEqual(['first', 'second'])

  // Keyboard reorder: Enter on "Move first down"; the focus stays on the moved item's arrows.
  await basics.getByRole('button', { name: 'Move first down' }).focus()
  await page.keyboard.press('Enter')
  await expect.poll(names).toEqual(['second', 'first'])
  await expect(basics.getByRole('button', { name: 'Move first up' })).toBeFocused()

  await page.reload()
  await page.getByRole('tab', { name: 'Saved' }).click()
  await expect.poll(names).toEqual(['second', 'first'])

  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export JSON' }).click()
  const file = await (await download).path()
  const { readFile } = await import('node:fs/promises')
  const exported = await readFile(file, 'utf8')
  expect(JSON.parse(exported)).toMatchObject({ format: 'wirelab-collections', version: 1, items: [{ name: 'second' }, { name: 'first' }] })

  const input = page.getByLabel('Import JSON…')
  await input.setInputFiles({ name: 'postman.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"postman","version":1,"items":[]}') })
  await expect(page.getByRole('status').filter({ hasText: 'postman.json was not imported' })).toContainText('not a Wirelab collections file')
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(exported) })
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 items from mine.json' })).toBeVisible()
  await expect.poll(names).toEqual(['second', 'first', 'second', 'first'])
})

test('destinations seen on the broker are offered to every client: another client\'s, and (Wirelab) another tab\'s from the inspector', async ({ page, context }) => {
  test.setTimeout(60_000)
  const mine = `/topic/e2e.known.alice.${Date.now()}`
  const elsewhere = `/queue/e2e.known.other-tab.${Date.now()}`
  await page.goto('/playground')
  await connect(page, 'Alice')
  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:sub-0', `destination:${mine}`, '', '^@'])
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await expect(logRow(page, 'Alice', 'SUBSCRIBE')).toHaveCount(1)

  // Another tab sends to a queue nobody on this page has used.
  const other = await context.newPage()
  await other.goto('/playground')
  await connect(other, 'Alice')
  await typeDocument(other, 'Alice', ['SEND', `destination:${elsewhere}`, '', 'from another tab', '^@'])
  await card(other, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await expect(logRow(other, 'Alice', 'SEND')).toHaveCount(1)

  // Bob has sent nothing, yet his editor completes both (the newest first).
  const suggest = page.getByRole('listbox', { name: 'Suggest' })
  await expect(async () => {
    await typeDocument(page, 'Bob', ['SEND', 'destination:'])
    await page.keyboard.press('Control+Space')
    await expect(suggest.getByRole('listitem', { name: new RegExp(`^${elsewhere.replaceAll('.', '\\.')}`) })).toBeVisible({ timeout: 2_000 })
    await expect(suggest.getByRole('listitem', { name: new RegExp(`^${mine.replaceAll('.', '\\.')}`) })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  await expect(suggest).toContainText('seen on the broker')
  await other.close()
})

test('the combined log clears on its own; a frame is copied as the octets that crossed the wire; subprotocols follow the versions offered', async ({ page }) => {
  test.setTimeout(60_000)
  await page.goto('/playground')
  await connect(page, 'Alice')
  const combined = page.getByRole('listbox', { name: 'Combined frame log' })
  await expect(combined.getByRole('option', { name: /received Alice CONNECTED / })).toHaveCount(1)

  // Clear empties the combined log only; what comes after shows up in it.
  await page.getByRole('group', { name: 'Combined frame log filters' }).getByRole('button', { name: 'Clear' }).click()
  await expect(combined.getByRole('option')).toHaveCount(0)
  await expect(page.getByRole('tabpanel', { name: 'All clients' })).toContainText('Nothing on the wire yet.')
  await expect(logRow(page, 'Alice', 'CONNECTED')).toHaveCount(1)
  await connect(page, 'Bob')
  await expect(combined.getByRole('option', { name: /received Bob CONNECTED / })).toHaveCount(1)
  await expect(combined.getByRole('option', { name: /Alice/ })).toHaveCount(0)

  // Copy as text: the CONNECTED frame's own octets, the NUL shown as ^@ (ready to paste in an editor).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await logRow(page, 'Bob', 'CONNECTED').click()
  const details = card(page, 'Bob').getByRole('region', { name: /CONNECTED received/ })
  await details.getByRole('button', { name: 'Copy as text' }).click()
  await expect(details.getByRole('status')).toHaveText('Text copied')
  const text = await page.evaluate(() => navigator.clipboard.readText())
  expect(text).toMatch(/^CONNECTED\nversion:1\.2\n(.+\n)+\n\^@$/)
  expect(text).toContain('session:')
  // Copy exact octets: the same, with the NUL itself; as many octets as the details say.
  await details.getByRole('button', { name: 'Copy exact octets' }).click()
  await expect(details.getByRole('status')).toHaveText('Exact octets copied')
  const exact = await page.evaluate(() => navigator.clipboard.readText())
  expect(exact).toBe(text.replace(/\^@$/, '\u0000'))
  await expect(details.getByRole('heading')).toContainText(`${new TextEncoder().encode(exact).length} octets`)

  // Offer only STOMP 1.0: the subprotocols follow; a typed list that disagrees is explained and fixed in one click.
  const settings = card(page, 'Alice').getByRole('button', { name: 'Settings of Alice' })
  await card(page, 'Alice').getByRole('button', { name: 'Disconnect Alice' }).click()
  await expect(statusOf(page, 'Alice')).toHaveAttribute('data-state', 'closed')
  await settings.click()
  const panel = card(page, 'Alice').getByRole('group', { name: /Connection settings for Alice/ })
  const subprotocols = panel.getByLabel('Subprotocols')
  await expect(subprotocols).toHaveValue('v12.stomp, v11.stomp, v10.stomp')
  await panel.getByLabel('1.2', { exact: true }).uncheck()
  await panel.getByLabel('1.1', { exact: true }).uncheck()
  await expect(subprotocols).toHaveValue('v10.stomp')
  await expect(panel.getByText(/disagree/)).toHaveCount(0)
  await subprotocols.fill('v12.stomp')
  await expect(panel.getByRole('status').filter({ hasText: 'v12.stomp offered but STOMP 1.2 not accepted' })).toBeVisible()
  await panel.getByRole('button', { name: 'Offer v10.stomp' }).click()
  await expect(subprotocols).toHaveValue('v10.stomp')
  await expect(panel.getByText(/disagree/)).toHaveCount(0)
  await settings.click()
  await connect(page, 'Alice')
  await expect(statusOf(page, 'Alice')).toContainText('STOMP 1.0')
  await expect(statusOf(page, 'Alice')).toContainText('v10.stomp')
})
