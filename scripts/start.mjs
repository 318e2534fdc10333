// `npm start`: build if there is no current production build, then serve with the custom server.
import { spawn } from 'node:child_process'
import { ensureBuild } from './ensure-build.mjs'

if (!ensureBuild()) {
  console.error('wirelab: `next build` failed; fix the error above and run `npm start` again.')
  process.exit(1)
}
// One process: `node --import tsx`, not the tsx CLI. The CLI relays a signal to its child and
// SIGKILLs it when the child does not acknowledge within 30 ms — on a loaded machine that skipped
// the graceful shutdown (seen: exit 130 after SIGINT). server/process.test.ts runs it this way.
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
