import { describe, expect, it } from 'vitest'
import { createLogger } from './log'

function capture(level: Parameters<typeof createLogger>[0]['level']) {
  const lines: string[] = []
  const log = createLogger({ level, write: (l) => lines.push(l), now: () => new Date('2026-01-02T03:04:05.000Z') })
  return { log, lines }
}

describe('logger', () => {
  it('writes one JSON object per line with time, level, event and fields', () => {
    const { log, lines } = capture('info')
    log.info('server.listening', { port: 3000, note: 'a\nb' })
    expect(lines).toEqual(['{"time":"2026-01-02T03:04:05.000Z","level":"info","event":"server.listening","port":3000,"note":"a\\nb"}'])
  })

  it('honours LOG_LEVEL: lines below the level are dropped, silent drops all', () => {
    const warn = capture('warn')
    warn.log.debug('a')
    warn.log.info('b')
    warn.log.warn('c')
    warn.log.error('d')
    expect(warn.lines.map((l) => (JSON.parse(l) as { event: string }).event)).toEqual(['c', 'd'])
    expect(warn.log.enabled('info')).toBe(false)
    const silent = capture('silent')
    silent.log.error('x')
    expect(silent.lines).toEqual([])
  })

  it('child loggers add their fields; errors keep name, message and code on the same line', () => {
    const { log, lines } = capture('info')
    const error = Object.assign(new Error('port taken'), { code: 'EADDRINUSE' })
    log.child({ conn: 'tcp-1' }).error('tcp.error', { error })
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0])).toMatchObject({ conn: 'tcp-1', error: { name: 'Error', message: 'port taken', code: 'EADDRINUSE' } })
  })

  it('a circular field does not throw', () => {
    const { log, lines } = capture('info')
    const loop: Record<string, unknown> = {}
    loop.self = loop
    log.info('weird', { loop })
    expect(JSON.parse(lines[0])).toMatchObject({ event: 'weird', logError: expect.any(String) })
  })
})
