import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { announcement } from './announce'

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false): NetworkInterfaceInfo =>
  ({ address, family, internal, netmask: '', mac: '00:00:00:00:00:00', cidr: null, ...(family === 'IPv6' ? { scopeid: 0 } : {}) }) as NetworkInterfaceInfo

const interfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.168.1.23', 'IPv4'), iface('fe80::1', 'IPv6'), iface('2001:db8::23', 'IPv6')],
  wlan0: [iface('10.0.0.5', 'IPv4')],
}

describe('announcement (what main.ts prints for learners)', () => {
  it('default HOST: localhost URL and the STOMP TCP address', () => {
    expect(announcement({ host: '127.0.0.1', httpPort: 3000, tcpPort: 61613, tcpRequested: 61613, publicUrl: null, interfaces })).toEqual([
      'Wirelab is serving http://localhost:3000',
      'STOMP over TCP: localhost:61613',
    ])
  })

  it('HOST=0.0.0.0: the LAN URLs learners should open, from the network interfaces', () => {
    expect(announcement({ host: '0.0.0.0', httpPort: 3000, tcpPort: 61613, tcpRequested: 61613, publicUrl: null, interfaces })).toEqual([
      'Wirelab is serving http://localhost:3000',
      'Learners on this network: http://192.168.1.23:3000, http://10.0.0.5:3000',
      'STOMP over TCP: 192.168.1.23:61613, 10.0.0.5:61613',
    ])
  })

  it('HOST=:: adds global IPv6 addresses, never link-local ones', () => {
    const lines = announcement({ host: '::', httpPort: 8080, tcpPort: null, tcpRequested: null, publicUrl: null, interfaces })
    expect(lines[1]).toBe('Learners on this network: http://192.168.1.23:8080, http://[2001:db8::23]:8080, http://10.0.0.5:8080')
    expect(lines[2]).toBe('STOMP over TCP: off')
  })

  it('a busy STOMP_TCP_PORT is said as such, not as "off"', () => {
    const lines = announcement({ host: '127.0.0.1', httpPort: 3000, tcpPort: null, tcpRequested: 61613, publicUrl: null, interfaces })
    expect(lines).toEqual(['Wirelab is serving http://localhost:3000', 'STOMP over TCP: not available (port 61613 is busy)'])
  })

  it('PUBLIC_URL replaces the derived URL; a specific HOST is printed as is', () => {
    expect(announcement({ host: '0.0.0.0', httpPort: 3000, tcpPort: 61613, tcpRequested: 61613, publicUrl: 'http://wirelab.lan:3000', interfaces: {} })).toEqual([
      'Wirelab is serving http://wirelab.lan:3000',
      'Learners on this network: no network interface found (only this machine can connect)',
      'STOMP over TCP: wirelab.lan:61613',
    ])
    expect(announcement({ host: '192.168.1.23', httpPort: 3000, tcpPort: 61613, tcpRequested: 61613, publicUrl: null, interfaces })[0]).toBe(
      'Wirelab is serving http://192.168.1.23:3000',
    )
  })
})
