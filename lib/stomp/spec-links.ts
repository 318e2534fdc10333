/** Links into the STOMP specifications (section anchors as published on stomp.github.io). */
import type { StompVersion } from './frame'

const BASE = 'https://stomp.github.io/stomp-specification-'

/** `specUrl('SUBSCRIBE_id_Header')` → https://stomp.github.io/stomp-specification-1.2.html#SUBSCRIBE_id_Header */
export function specUrl(anchor: string, version: StompVersion = '1.2'): string {
  return `${BASE}${version}.html#${anchor}`
}

/** The section of a command in the given version's spec (1.0 names them `frame-X`). */
export function commandSpecUrl(command: string, version: StompVersion = '1.2'): string {
  if (version === '1.0') return specUrl(`frame-${command}`, '1.0')
  if (command === 'CONNECT' || command === 'STOMP') return specUrl('CONNECT_or_STOMP_Frame', version)
  if (command === 'CONNECTED') return specUrl('CONNECTED_Frame', version)
  return specUrl(command, version)
}
