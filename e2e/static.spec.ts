import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

// public/ is served as is by Next behind the custom server (the lab's handlers do not shadow it).
test('public/robots.txt is served at /robots.txt, byte for byte', async ({ request }) => {
  const response = await request.get('/robots.txt')
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toMatch(/^text\/plain/)
  expect(await response.text()).toBe(readFileSync('public/robots.txt', 'utf8'))
})
