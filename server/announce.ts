/**
 * The human lines main.ts prints once the server listens (the structured log says it too):
 *
 *   Wirelab is serving http://localhost:3000
 *   Learners on this network: http://192.168.1.23:3000        (HOST=0.0.0.0 or ::)
 *   STOMP over TCP: 192.168.1.23:61613
 */
import type { NetworkInterfaceInfo } from 'node:os'

export interface AnnounceInput {
  readonly host: string
  readonly httpPort: number
  /** The port STOMP over TCP listens on; `null` when it is off or could not listen. */
  readonly tcpPort: number | null
  /** STOMP_TCP_PORT as configured (`null` = off), to tell "off" from "busy". */
  readonly tcpRequested: number | null
  readonly publicUrl: string | null
  /** `os.networkInterfaces()` */
  readonly interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>
}

const WILDCARDS = new Set(['0.0.0.0', '::'])
const LOOPBACKS = new Set(['127.0.0.1', 'localhost', '::1'])

function hostPart(address: string): string {
  return address.includes(':') ? `[${address}]` : address
}

/** Addresses other machines can reach: IPv4 (and global IPv6 when bound to ::), not internal. */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>, host: string): string[] {
  const withV6 = host === '::'
  const found: string[] = []
  for (const infos of Object.values(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal) continue
      if (info.family === 'IPv4' || (withV6 && info.family === 'IPv6' && !info.address.toLowerCase().startsWith('fe80:'))) {
        if (!found.includes(info.address)) found.push(info.address)
      }
    }
  }
  return found
}

export function announcement(input: AnnounceInput): string[] {
  const { host, httpPort, tcpPort, publicUrl } = input
  const wildcard = WILDCARDS.has(host)
  const local = wildcard || LOOPBACKS.has(host)
  const primary = publicUrl ?? `http://${local ? 'localhost' : hostPart(host)}:${httpPort}`
  const lines = [`Wirelab is serving ${primary}`]

  const lan = wildcard ? lanAddresses(input.interfaces, host) : []
  if (wildcard) {
    lines.push(
      lan.length > 0
        ? `Learners on this network: ${lan.map((a) => `http://${hostPart(a)}:${httpPort}`).join(', ')}`
        : 'Learners on this network: no network interface found (only this machine can connect)',
    )
  }

  if (tcpPort === null) {
    lines.push(input.tcpRequested === null ? 'STOMP over TCP: off' : `STOMP over TCP: not available (port ${input.tcpRequested} is busy)`)
  } else {
    const tcpHosts = publicUrl
      ? [new URL(publicUrl).hostname]
      : lan.length > 0
        ? lan.map(hostPart)
        : [local ? 'localhost' : hostPart(host)]
    lines.push(`STOMP over TCP: ${tcpHosts.map((h) => `${h}:${tcpPort}`).join(', ')}`)
  }
  return lines
}
