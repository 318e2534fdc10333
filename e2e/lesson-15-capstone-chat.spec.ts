import type { Page } from '@playwright/test'
import { CHAT_SOLUTION } from '../lib/sandbox/chat-code'
import { checkerReady, exercise, expectDone, expectStep } from './exercise'
import { expect, test } from './fixtures'
import { pasteCode } from './lessons-13-15'

/** Lesson 15: the learner's @stomp/stompjs client runs in the sandbox's Web Worker against the broker. */
const EX = 'capstone-chat'

test.setTimeout(120_000)

async function open(page: Page) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/learn/capstone-chat')
  await exercise(page, EX).scrollIntoViewIfNeeded()
  const sandbox = page.locator('[data-widget="chat-sandbox"]')
  await expect(sandbox).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('code-editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 })
  await expect(page.getByRole('status', { name: "Bob's connection" })).toHaveAttribute('data-state', 'connected', { timeout: 15_000 })
  await checkerReady(page, EX)
  return sandbox
}

const consoleOf = (page: Page) => page.getByTestId('sandbox-console')
const bobChat = (page: Page) => page.getByTestId('bob-chat')

async function run(page: Page) {
  await page.getByRole('button', { name: '▶ Run' }).click()
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveAttribute('data-state', 'running')
}

test('lesson 15 exercise, written by the learner (pasted, no solution button): the client chats with Bob through the real broker', async ({ page }) => {
  await open(page)
  await pasteCode(page, CHAT_SOLUTION)
  await run(page)
  await expect(consoleOf(page)).toContainText('connected as ada to room lab-', { timeout: 15_000 })
  await expect(consoleOf(page)).toContainText('ada: Hi, I am ada')
  // Bob, a second real client, received it stamped by the server
  await expect(bobChat(page).locator('li[data-stamped="true"]', { hasText: 'ada: Hi, I am ada' })).toHaveCount(1)
  await expectStep(page, EX, 'send', 'done')
  await expectStep(page, EX, 'echo', 'done', /It came back stamped: sender:ada, server-time:\d{4}-/)
  await page.getByRole('button', { name: 'Bob says hi' }).click()
  await expect(consoleOf(page)).toContainText('bob: Hi! Who is here?')
  await expect(bobChat(page)).toContainText('ada: Hello, bob!')
  await expectStep(page, EX, 'reply', 'done', 'You answered Bob: "Hello, bob!".')
  await expectDone(page, EX)
  // Stop disconnects the client and ends the worker
  await page.getByRole('button', { name: '■ Stop' }).click()
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveAttribute('data-state', 'idle', { timeout: 10_000 })
  await expect(consoleOf(page)).toContainText('■ Stopped')
})

test('lesson 15 exercise, typical mistake: publishing straight to the topic is not stamped, and the check says why', async ({ page }) => {
  await open(page)
  await pasteCode(page, [
    "const client = new Client({ brokerURL, connectHeaders: { login: 'ada' } })",
    'client.onConnect = () => {',
    '  client.subscribe(`/topic/chat.${room}`, (m) => console.log(m.body))',
    "  client.publish({ destination: `/topic/chat.${room}`, body: 'hi' })",
    '}',
    'client.activate()',
  ].join('\n'))
  await run(page)
  await expectStep(page, EX, 'subscribe', 'done')
  await expectStep(page, EX, 'send', 'wrong', /That went straight to `?\/topic\/chat\.lab-[\w-]+`?: the broker passed your body on untouched, with no sender and no time/)
  await expect(bobChat(page).locator('li[data-stamped="false"]')).toContainText('hi')
  // the hint and the solution: Show solution fills the editor
  await exercise(page, EX).getByRole('button', { name: 'Show a hint' }).click()
  await exercise(page, EX).getByRole('button', { name: 'Show solution' }).click()
  await expect(page.getByTestId('code-editor')).toContainText('const chat = JSON.parse(message.body)')
})

test('the sandbox stops a client that answers itself, and an endless loop, with messages that say why', async ({ page }) => {
  await open(page)
  // answers every message, its own included: a storm
  await pasteCode(page, [
    "const client = new Client({ brokerURL, connectHeaders: { login: 'ada' } })",
    'const say = (text) => client.publish({ destination: "/app/chat.send", headers: { room }, body: JSON.stringify({ text }) })',
    'client.onConnect = () => {',
    '  client.subscribe(`/topic/chat.${room}`, (m) => say("@" + JSON.parse(m.body).sender))',
    '  say("hi")',
    '}',
    'client.activate()',
  ].join('\n'))
  await run(page)
  await expect(consoleOf(page)).toContainText('Is it answering its own messages?', { timeout: 20_000 })
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveAttribute('data-state', 'idle')
  await expectStep(page, EX, 'reply', 'wrong', /it is answering its own messages/)

  await pasteCode(page, 'console.log("looping")\nwhile (true) {}')
  await run(page)
  await expect(consoleOf(page)).toContainText('an endless loop?', { timeout: 20_000 })
  await expect(page.getByRole('status', { name: 'Sandbox status' })).toHaveAttribute('data-state', 'idle')

  await pasteCode(page, 'const x = 1\nnull.boom()')
  await run(page)
  await expect(consoleOf(page)).toContainText("TypeError: Cannot read properties of null (reading 'boom') (line 2)")
})
