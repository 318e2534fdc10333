'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { parseWorkerMessage, type ConsoleLevel, type PageMessage, type SandboxGlobals, type WorkerMessage } from '@/lib/sandbox/protocol'

/**
 * Runs the learner's code in a fresh dedicated Web Worker (sandbox.worker.ts) and keeps its
 * console. A run ends when the learner presses Stop (clients deactivated, then the worker is
 * terminated), when the code floods the broker, when the worker stops answering pings (an
 * endless loop), or after MAX_RUN_MS. Only one run at a time; unmounting terminates it.
 */
export type SandboxState = 'idle' | 'running' | 'stopping'

export interface ConsoleLine {
  readonly id: number
  readonly level: ConsoleLevel | 'system' | 'exception'
  readonly text: string
}

const MAX_LINES = 400
const PING_EVERY_MS = 1000
/** No pong for this long = the code is busy in a loop that never yields. */
const HUNG_AFTER_MS = 4000
const MAX_RUN_MS = 10 * 60 * 1000
const STOP_GRACE_MS = 1500

export interface Sandbox {
  readonly state: SandboxState
  readonly lines: readonly ConsoleLine[]
  /** Date.now() when the current run began. */
  readonly startedAt: number | null
  run(code: string, globals: SandboxGlobals): void
  stop(): void
  clear(): void
}

interface Run {
  readonly worker: Worker
  readonly timers: ReturnType<typeof setInterval>[]
  lastPong: number
  ready: boolean
  ping: number
}

export function useSandbox(): Sandbox {
  const [state, setState] = useState<SandboxState>('idle')
  const [lines, setLines] = useState<readonly ConsoleLine[]>([])
  const [startedAt, setStartedAt] = useState<number | null>(null)
  const current = useRef<Run | null>(null)
  const nextId = useRef(0)

  const print = useCallback((level: ConsoleLine['level'], text: string) => {
    const line = { id: nextId.current++, level, text }
    setLines((old) => (old.length >= MAX_LINES ? [...old.slice(old.length - MAX_LINES + 1), line] : [...old, line]))
  }, [])

  const end = useCallback((reason: string | null) => {
    const run = current.current
    if (!run) return
    current.current = null
    for (const timer of run.timers) clearInterval(timer)
    run.worker.terminate()
    setState('idle')
    setStartedAt(null)
    if (reason) print('system', reason)
  }, [print])

  const onMessage = useCallback((run: Run, message: WorkerMessage) => {
    if (current.current !== run) return
    switch (message.type) {
      case 'ready':
        run.ready = true
        run.lastPong = Date.now()
        return
      case 'pong':
        run.lastPong = Date.now()
        return
      case 'console':
        return print(message.level, message.text)
      case 'error':
        return print('exception', message.line === undefined ? message.text : `${message.text} (line ${message.line})`)
      case 'settled':
        return
      case 'flood':
        return end(`■ Stopped: your code sent ${message.frames} frames in ${message.seconds} s. Is it answering its own messages? Every message to the room comes back to you too.`)
      case 'stopped':
        return end('■ Stopped (clients disconnected).')
    }
  }, [end, print])

  const run = useCallback((code: string, globals: SandboxGlobals) => {
    end(null)
    const worker = new Worker(new URL('./sandbox.worker.ts', import.meta.url), { type: 'module', name: 'wirelab-sandbox' })
    const run: Run = { worker, timers: [], lastPong: Date.now(), ready: false, ping: 0 }
    current.current = run
    worker.onmessage = (event: MessageEvent) => {
      const message = parseWorkerMessage(event.data)
      if (message) onMessage(run, message)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      if (current.current === run) end(`■ The sandbox could not start: ${event.message || 'its script failed to load'}.`)
    }
    const send = (message: PageMessage) => worker.postMessage(message)
    run.timers.push(setInterval(() => {
      if (current.current !== run) return
      if (run.ready && Date.now() - run.lastPong > HUNG_AFTER_MS) {
        end(`■ Stopped: your code kept the worker busy for ${HUNG_AFTER_MS / 1000} s without a break (an endless loop?). Callbacks and timers are fine; a loop that never ends is not.`)
        return
      }
      send({ type: 'ping', n: ++run.ping })
    }, PING_EVERY_MS))
    const started = Date.now()
    run.timers.push(setInterval(() => {
      if (current.current === run && Date.now() - started > MAX_RUN_MS) end(`■ Stopped after ${MAX_RUN_MS / 60000} minutes. Press Run to start again.`)
    }, 5000))
    setLines([])
    print('system', '▶ Running in a Web Worker…')
    setState('running')
    setStartedAt(started)
    send({ type: 'run', code, globals })
  }, [end, onMessage, print])

  const stop = useCallback(() => {
    const run = current.current
    if (!run) return
    setState('stopping')
    run.worker.postMessage({ type: 'stop' } satisfies PageMessage)
    run.timers.push(setInterval(() => {
      if (current.current === run) end('■ Stopped.')
    }, STOP_GRACE_MS))
  }, [end])

  const clear = useCallback(() => setLines([]), [])

  useEffect(() => () => end(null), [end])

  return { state, lines, startedAt, run, stop, clear }
}
