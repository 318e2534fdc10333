/**
 * Interop: Debian's python3-stomp (stomp.py 8.0.0) over raw TCP, one real client per STOMP
 * version (stomp.Connection10/11/12). The Python side (stomp_py_client.py) drives the session and
 * prints what it observed as JSON lines; the assertions are here.
 *
 * Needs `/usr/bin/python3 -c 'import stomp'` (apt-get install python3-stomp; .ci/run installs it).
 * Not the pyenv python3 on PATH: Debian's module lives in /usr/lib/python3/dist-packages.
 */
import { spawn, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StompFrameEvent } from '../../lib/inspect/events'
import { startTestServer, type TestServer } from '../testing/harness'

const PYTHON = '/usr/bin/python3'
const SCRIPT = fileURLToPath(new URL('./stomp_py_client.py', import.meta.url))

const probe = spawnSync(PYTHON, ['-c', 'import stomp; print(".".join(map(str, stomp.__version__)))'], { encoding: 'utf8' })
const stompPy = probe.status === 0 ? probe.stdout.trim() : null
const MISSING = `python3-stomp is not importable by ${PYTHON} (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()})`

if (stompPy === null && !process.env.CI) {
  console.warn(`stomp-py interop skipped: ${MISSING} — install it with \`apt-get install python3-stomp\``)
}

interface PyLine {
  readonly event: string
  readonly conn?: string
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: string
  readonly bodies?: readonly string[]
  readonly reason?: string
}

interface PyRun {
  readonly code: number | null
  readonly lines: PyLine[]
  readonly stderr: string
}

function runScenario(port: number, scenario: string, timeoutMs = 20_000): Promise<PyRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT, String(port), scenario], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`stomp_py_client.py ${scenario} did not finish in ${timeoutMs} ms\nstdout:\n${out}\nstderr:\n${err}`))
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      const lines = out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as PyLine)
      resolve({ code, lines, stderr: err })
    })
  })
}

function describeRun(run: PyRun): string {
  return `exit ${run.code}\n${run.lines.map((l) => JSON.stringify(l)).join('\n')}\nstderr:\n${run.stderr}`
}

const of = (run: PyRun, event: string, conn?: string) => run.lines.filter((l) => l.event === event && (conn === undefined || l.conn === conn))

describe('python3-stomp availability', () => {
  it.runIf(Boolean(process.env.CI))('CI: python3-stomp is installed (.ci/run should have installed python3-stomp)', () => {
    expect(stompPy, `${MISSING}: .ci/run should have installed python3-stomp (apt-get install python3-stomp)`).not.toBeNull()
  })
})

describe.skipIf(stompPy === null)(`stomp.py ${stompPy ?? '(missing: skipped — apt-get install python3-stomp)'} over TCP`, () => {
  let srv: TestServer
  beforeAll(async () => {
    srv = await startTestServer({ heartBeat: [0, 0] })
  })
  afterAll(async () => {
    await srv?.close()
  })

  it.each([
    ['v10', '1.0'],
    ['v11', '1.1'],
    ['v12', '1.2'],
  ] as const)('%s: connect, subscribe, send/receive, client ack, transactions, DISCONNECT with receipt (STOMP %s)', async (scenario, version) => {
    const connects: StompFrameEvent[] = []
    const off = srv.bus.subscribe((e) => {
      if (e.type === 'stomp.frame' && e.dir === 'in' && (e.command === 'CONNECT' || e.command === 'STOMP')) connects.push(e)
    })
    const run = await runScenario(srv.tcpPort, scenario).finally(off)
    const why = describeRun(run)
    expect(run.lines.at(-1)?.event, why).toBe('done')
    expect(run.code, why).toBe(0)

    // what stomp.py really sent: 1.0 CONNECT; 1.1/1.2 the STOMP command (checklist 20), and in 1.2
    // `host:127.0.0.1` — the broker accepts any host (checklist 24)
    expect(connects).toHaveLength(2)
    const header = (e: StompFrameEvent, name: string) => e.headers.find(([n]) => n === name)?.[1]
    expect(connects[0].command).toBe(version === '1.0' ? 'CONNECT' : 'STOMP')
    expect(header(connects[0], 'accept-version')).toBe(version)
    if (version === '1.2') expect(header(connects[0], 'host')).toBe('127.0.0.1')

    // checklist 21, 23, 24: negotiated version; stomp.py 1.2 sends host:127.0.0.1 and is accepted
    const [connected] = of(run, 'connected', 'first')
    expect(connected.headers?.version, why).toBe(version)
    expect(connected.headers?.server, why).toMatch(/^Wirelab/)

    // checklist 37: the topic message carries its user header, and the subscription id
    const topicMsg = of(run, 'message', 'first').find((m) => m.body === `héllo from stomp.py ${version}`)
    expect(topicMsg?.headers?.['x-from'], why).toBe('python')
    expect(topicMsg?.headers?.subscription, why).toBe('t1')
    expect(topicMsg?.headers?.['message-id'], why).toBeTruthy()

    // checklist 51: `ack` on MESSAGE for a client subscription in 1.2 only
    const q1 = of(run, 'message', 'first').find((m) => m.body === 'q1')
    if (version === '1.2') expect(q1?.headers?.ack, why).toBeTruthy()
    else expect(q1?.headers?.ack, why).toBeUndefined()

    // checklist 60: nothing of the transaction before COMMIT; the aborted SEND never arrives
    expect(of(run, 'before-commit')[0]?.bodies, why).toEqual([`héllo from stomp.py ${version}`, 'outside'])
    expect(of(run, 'topic-bodies')[0]?.bodies, why).toEqual([`héllo from stomp.py ${version}`, 'outside', 'in-tx', 'after-abort'])

    // checklist 66: DISCONNECT receipt, then the server closed the connection
    const receiptIds = of(run, 'receipt', 'first').map((r) => r.headers?.['receipt-id'])
    expect(receiptIds.some((id) => id?.startsWith('bye-')), why).toBe(true)
    expect(of(run, 'disconnected', 'first'), why).toHaveLength(1)

    // checklist 45, 47: client ack is cumulative — ACK q2 settled q1 and q2; q3 comes back redelivered
    expect(of(run, 'second-queue-bodies')[0]?.bodies, why).toEqual(['q3', 'marker'])
    const q3 = of(run, 'message', 'second').find((m) => m.body === 'q3')
    expect(q3?.headers?.redelivered, why).toBe('true')
    expect(of(run, 'error'), why).toEqual([])
  })

  it('v12-error: a SEND to an unknown destination gets ERROR (message, receipt-id), then the server closes', async () => {
    const run = await runScenario(srv.tcpPort, 'v12-error')
    const why = describeRun(run)
    expect(run.lines.at(-1)?.event, why).toBe('done')
    const [error] = of(run, 'error')
    expect(error?.headers?.message, why).toBeTruthy()
    expect(error?.headers?.['receipt-id'], why).toBe('bad-dest')
    expect(error?.body, why).toContain('/nowhere/python')
    expect(of(run, 'disconnected'), why).toHaveLength(1)
  })
})
