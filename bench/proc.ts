/**
 * What the orchestrator reads from /proc (Linux): a process's memory and CPU time, the load
 * average, the open-file limit, and a one-line description of the machine.
 */
import { readFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const USER_HZ = 100

export interface MemorySample {
  /** Resident set size now, MiB. */
  readonly rssMiB: number
  /** Peak resident set size since the process started (VmHWM), MiB. */
  readonly hwmMiB: number
}

function statusField(status: string, name: string): number {
  const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)
  return m ? Number(m[1]) / 1024 : 0
}

export function readMemory(pid: number): MemorySample | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    return { rssMiB: statusField(status, 'VmRSS'), hwmMiB: statusField(status, 'VmHWM') }
  } catch {
    return null
  }
}

/** User + system CPU seconds the process has used so far. */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // fields after the ")" of the command name: state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ
  } catch {
    return null
  }
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  } catch {
    return 'n/a'
  }
}

/** The 1-minute load average as a number (NaN when unknown). */
export function load1(): number {
  return Number(loadAverage().split(' ')[0])
}

/** [soft, hard] "Max open files" of this process (children inherit it; Node raises soft to hard). */
export function openFileLimit(): [number, number] {
  try {
    const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))
    if (!m) return [Infinity, Infinity]
    const n = (s: string): number => (s === 'unlimited' ? Infinity : Number(s))
    return [n(m[1]), n(m[2])]
  } catch {
    return [Infinity, Infinity]
  }
}

export function machineDescription(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU'
  const ram = (totalmem() / 1024 ** 3).toFixed(1)
  return `${cpus().length} cores (${model}), ${ram} GiB RAM, Node ${process.version}, ${process.platform} ${process.arch}`
}

/** Samples a process's memory every `everyMs` and keeps the peaks. */
export class MemoryWatch {
  private timer: ReturnType<typeof setInterval> | null = null
  peakRssMiB = 0
  lastRssMiB = 0
  hwmMiB = 0

  constructor(private readonly pid: number, everyMs = 100) {
    this.sample()
    this.timer = setInterval(() => this.sample(), everyMs)
    this.timer.unref()
  }

  sample(): MemorySample | null {
    const m = readMemory(this.pid)
    if (m) {
      this.lastRssMiB = m.rssMiB
      this.peakRssMiB = Math.max(this.peakRssMiB, m.rssMiB)
      this.hwmMiB = Math.max(this.hwmMiB, m.hwmMiB)
    }
    return m
  }

  stop(): void {
    this.sample()
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }
}

/** Busy CPU seconds of the whole machine (all cores) so far: everything but idle and iowait. */
export function readMachineBusySeconds(): number {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]
    const [user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number)
    return (user + nice + system + irq + softirq + (steal || 0)) / USER_HZ
  } catch {
    return 0
  }
}
