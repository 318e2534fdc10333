// `npm start`: build if there is no current production build, then serve with the custom server.
import { spawn } from 'node:child_process'
import { ensureBuild } from './ensure-build.mjs'

if (!ensureBuild()) {
  console.error('wirelab: `next build` failed; fix the error above and run `npm start` again.')
  process.exit(1)
}
const child = spawn('node_modules/.bin/tsx', ['server/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)))
