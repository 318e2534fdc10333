import { test as base, expect, type ConsoleMessage } from '@playwright/test'

/**
 * Every test gets two guards, as an auto fixture so none can forget them:
 * - no request leaves localhost: any request (or WebSocket) to another host is aborted and
 *   recorded, and the test fails listing it;
 * - no console error and no uncaught page error.
 * A test that expects a specific console error (the 404 page's own status) declares it with
 * `test.use({ allowedConsoleErrors: [/…/] })`.
 */
type Guards = { allowedConsoleErrors: RegExp[]; guards: { external: string[]; errors: string[] } }

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function isLocal(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url)
    if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
    return LOCAL_HOSTS.has(hostname)
  } catch {
    return false
  }
}

export const test = base.extend<Guards>({
  allowedConsoleErrors: [[], { option: true }],
  guards: [
    async ({ context, page, allowedConsoleErrors }, use) => {
      const external: string[] = []
      const errors: string[] = []
      await context.route('**/*', async (route) => {
        const url = route.request().url()
        if (isLocal(url)) return route.fallback()
        external.push(`${route.request().method()} ${url}`)
        return route.abort('blockedbyclient')
      })
      context.on('request', (request) => {
        if (!isLocal(request.url())) external.push(`request ${request.url()}`)
      })
      page.on('websocket', (ws) => {
        if (!isLocal(ws.url())) external.push(`websocket ${ws.url()}`)
      })
      page.on('console', (message: ConsoleMessage) => {
        if (message.type() !== 'error') return
        const text = message.text()
        if (!allowedConsoleErrors.some((pattern) => pattern.test(text))) errors.push(`console.error: ${text} (${message.location().url})`)
      })
      page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))

      await use({ external, errors })

      expect(external, 'requests that tried to leave localhost').toEqual([])
      expect(errors, 'console errors and page errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
