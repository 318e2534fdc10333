import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A local RabbitMQ with Web-STOMP for the interop test (Debian's rabbitmq-server 3.10.8):
 * enables the plugin offline, starts the node detached with a config that keeps it on loopback
 * and off port 61613 (Wirelab's STOMP TCP port), waits for ws://127.0.0.1:15674, and stops it
 * afterwards — unless it was already running, in which case it is used and left alone.
 */
export const WEB_STOMP_PORT = 15674
const BIN = '/usr/sbin'

/** Where rabbitmq-server is looked for; WIRELAB_RABBITMQ_SERVER overrides it (e.g. to try the skip path). */
export function rabbitmqInstalled(): boolean {
  const bin = process.env.WIRELAB_RABBITMQ_SERVER ?? `${BIN}/rabbitmq-server`
  return spawnSync('sh', ['-c', 'test -x "$1" || command -v "$1"', 'sh', bin], { stdio: 'ignore' }).status === 0
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port })
    s.once('connect', () => {
      s.destroy()
      resolve(true)
    })
    s.once('error', () => resolve(false))
  })
}

export interface RunningRabbit {
  /** True when this process started the node (and must stop it). */
  readonly started: boolean
  readonly startupMs: number
  stop(): void
}

const env = () => ({ ...process.env, PATH: `${process.env.PATH ?? ''}:${BIN}` })

export async function startRabbitmq(timeoutMs = 90_000): Promise<RunningRabbit> {
  const t0 = Date.now()
  if (await portOpen(WEB_STOMP_PORT)) return { started: false, startupMs: 0, stop: () => undefined }
  const dir = mkdtempSync(join(tmpdir(), 'wirelab-rabbitmq-'))
  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    ['stomp.listeners.tcp = none', 'listeners.tcp.default = 127.0.0.1:5672', 'web_stomp.tcp.ip = 127.0.0.1', `web_stomp.tcp.port = ${WEB_STOMP_PORT}`, ''].join('\n'),
  )
  const runEnv = { ...env(), RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq') }
  execFileSync('rabbitmq-plugins', ['enable', '--offline', 'rabbitmq_web_stomp'], { env: runEnv, stdio: 'pipe' })
  execFileSync('rabbitmq-server', ['-detached'], { env: runEnv, stdio: 'pipe' })
  while (!(await portOpen(WEB_STOMP_PORT))) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`RabbitMQ Web-STOMP did not open port ${WEB_STOMP_PORT} within ${timeoutMs / 1000} s`)
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    started: true,
    startupMs: Date.now() - t0,
    stop: () => {
      spawnSync('rabbitmqctl', ['stop'], { env: runEnv, stdio: 'ignore', timeout: 60_000 })
    },
  }
}
