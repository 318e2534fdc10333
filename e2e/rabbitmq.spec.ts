import { expect, test } from './fixtures'
import { card, choosePreset, connect, logRow, statusOf, typeDocument } from './playground-page'
import { rabbitmqInstalled, startRabbitmq, type RunningRabbit } from './rabbitmq-broker'

/**
 * Interop: the playground, in Chromium, talks to a real RabbitMQ Web-STOMP broker
 * (ws://127.0.0.1:15674/ws, guest/guest — RabbitMQ lets guest in from loopback only). The
 * browser dials it directly; the Wirelab server never does. Locally the test skips when
 * rabbitmq-server is not installed; in CI that is a failure (.ci/run installs it).
 */
test.describe.configure({ mode: 'serial' })

const NOT_INSTALLED = 'rabbitmq-server is not installed (apt-get install -y rabbitmq-server): the RabbitMQ interop test needs it'
let rabbit: RunningRabbit | null = null

test.beforeAll(async () => {
  if (!rabbitmqInstalled()) {
    if (process.env.CI) throw new Error(`${NOT_INSTALLED}. In CI this is a failure: .ci/run should have installed rabbitmq-server.`)
    return
  }
  test.setTimeout(120_000)
  rabbit = await startRabbitmq()
})

test.afterAll(() => {
  if (rabbit?.started) rabbit.stop()
})

test('the playground connects to RabbitMQ Web-STOMP, subscribes and receives a message', async ({ page }) => {
  if (!rabbitmqInstalled() && !process.env.CI) {
    console.log(`rabbitmq.spec.ts skipped: ${NOT_INSTALLED}.`) // the list reporter prints this line
    test.skip(true, NOT_INSTALLED)
  }
  test.setTimeout(60_000)
  if (rabbit) test.info().annotations.push({ type: 'rabbitmq startup (ms)', description: String(rabbit.startupMs) })
  const queue = `/queue/wirelab-e2e-${Date.now()}`

  await page.goto('/playground')
  for (const name of ['Alice', 'Bob']) {
    await choosePreset(page, name, 'RabbitMQ Web-STOMP (local)')
    await connect(page, name)
  }
  // RabbitMQ answers CONNECT with its own server header and negotiates 1.2 over v12.stomp.
  await expect(statusOf(page, 'Alice')).toContainText(/STOMP 1\.2 .*v12\.stomp .*RabbitMQ\/3\./)

  await typeDocument(page, 'Alice', ['SUBSCRIBE', 'id:rabbit-0', `destination:${queue}`, 'ack:client-individual', '', '^@'])
  await card(page, 'Alice').getByRole('button', { name: 'Send all frames of Alice' }).click()
  await expect(logRow(page, 'Alice', 'SUBSCRIBE')).toHaveCount(1)

  await typeDocument(page, 'Bob', ['SEND', `destination:${queue}`, 'content-type:text/plain', '', 'hello from the playground via RabbitMQ', '^@'])
  await card(page, 'Bob').getByRole('button', { name: 'Send all frames of Bob' }).click()

  const message = logRow(page, 'Alice', 'MESSAGE')
  await expect(message).toHaveCount(1, { timeout: 10_000 })
  await expect(message).toContainText('hello from the playground via RabbitMQ')
  await message.click()
  const details = card(page, 'Alice').getByRole('region', { name: /MESSAGE received/ })
  // checklist 51: a client-individual subscription's MESSAGE carries an ack header.
  await expect(details.getByRole('rowheader', { name: 'ack', exact: true })).toBeVisible()
  await expect(details.getByRole('row', { name: /subscription rabbit-0/ })).toBeVisible()
})
