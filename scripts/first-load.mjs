// Measures the first-load JavaScript of a page as a browser gets it: every <script src> in the
// server-rendered HTML, fetched from a running server, gzip-compressed at level 9 and summed.
// `nomodule` scripts (Next's legacy polyfills) are left out: module-capable browsers never fetch them.
// Usage: node scripts/first-load.mjs http://127.0.0.1:3000/learn/how-http-talks
import { gzipSync } from 'node:zlib'

const url = process.argv[2]
if (!url) {
  console.error('usage: node scripts/first-load.mjs <page-url>')
  process.exit(2)
}
const html = await (await fetch(url)).text()
const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)]
const srcs = [...new Set(tags.filter((m) => !/\bnomodule\b/i.test(m[1] + m[3])).map((m) => m[2]))]
let raw = 0
let gz = 0
const rows = []
for (const src of srcs) {
  const body = Buffer.from(await (await fetch(new URL(src.replaceAll('&amp;', '&'), url))).arrayBuffer())
  const z = gzipSync(body, { level: 9 }).length
  raw += body.length
  gz += z
  rows.push(`${(z / 1024).toFixed(1).padStart(7)} kB gz  ${(body.length / 1024).toFixed(1).padStart(7)} kB  ${src}`)
}
console.log(rows.join('\n'))
console.log(`first-load JS of ${new URL(url).pathname}: ${srcs.length} scripts, ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzip`)
