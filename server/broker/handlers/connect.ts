/**
 * CONNECT / STOMP (STOMP 1.2 §Connecting). STOMP is handled exactly like CONNECT (checklist 20).
 * Never escaped (15): the parser leaves CONNECT headers literal. Its `receipt` is ignored (27).
 */
import { getHeader, makeFrame, type Frame, type Header, type StompVersion } from '../../../lib/stomp/frame'
import { parseHeartBeat } from '../../../lib/stomp/commands'
import { negotiateHeartBeat, negotiateVersion } from '../../../lib/stomp/negotiate'
import { makeProblem } from '../../../lib/stomp/problems'
import type { Session } from '../session'
import { reject, writeFrame } from '../write'

/**
 * 1.0 has no rule against padding; `login: guest` is customary there, so 1.0 values are
 * left-trimmed of spaces and tabs, as the codec does for every later 1.0 frame (checklist 10).
 */
function reader(frame: Frame, version: StompVersion): (name: string) => string | undefined {
  return (name) => {
    const value = getHeader(frame, name)
    return value !== undefined && version === '1.0' ? value.replace(/^[ \t]+/, '') : value
  }
}

export function handleConnect(session: Session, frame: Frame): void {
  const options = session.options
  const acceptVersion = getHeader(frame, 'accept-version')
  // highest common version; none listed = 1.0 — checklist 21
  const version = negotiateVersion(acceptVersion, options.versions)
  if (version === null) {
    // STOMP 1.2 §Protocol Negotiation: ERROR with `version` listing ours, then close — checklist 22
    const problem = makeProblem('STOMP_ERR_VERSION_MISMATCH', { command: frame.command, value: acceptVersion, expected: options.versions })
    return reject(session, frame, problem, [['version', options.versions.join(',')]])
  }
  // errors from here on are written for the negotiated version (1.0: no escaping — checklist 16)
  session.version = version
  const read = reader(frame, version)

  // heart-beat: missing = 0,0 (MUST); malformed = ERROR — checklist 28. 1.0 has no heart-beating.
  let clientBeat: readonly [number, number] = [0, 0]
  const rawBeat = read('heart-beat')
  if (version !== '1.0' && rawBeat !== undefined) {
    const parsed = parseHeartBeat(rawBeat)
    if (parsed === null) return reject(session, frame, makeProblem('STOMP_ERR_BAD_HEART_BEAT', { command: frame.command, version, value: rawBeat }))
    clientBeat = parsed
  }

  // host: a named virtual host (options.virtualHosts) is a world of its own with its own users;
  // any other value, or none, is the default virtual host (checklist 24)
  const host = read('host')
  const vhost = host === undefined ? undefined : options.virtualHosts?.get(host)
  const users = vhost ? vhost.users : options.users

  // login/passcode optional; with a users list, wrong ones get ERROR then close — checklist 25.
  // The refusal never says whether the login exists or only the passcode was wrong.
  const login = read('login')
  const passcode = read('passcode')
  if (users !== null) {
    const known = login !== undefined && users.has(login)
    if (!known || users.get(login) !== passcode) {
      const where = vhost ? `Virtual host "${host}"` : 'This server'
      const reason = login === undefined
        ? `${where} requires a login and passcode in CONNECT.`
        : `The login "${login}" and the passcode given were not accepted${vhost ? ` by virtual host "${host}"` : ''}.`
      return reject(session, frame, makeProblem('STOMP_ERR_ACCESS_REFUSED', { command: frame.command, version, reason }))
    }
  }
  session.vhost = vhost && host !== undefined ? host : null
  const user = login !== undefined && login !== '' ? login : session.id

  // STOMP 1.2 §Heart-beating: the spec's math — checklist 29
  const beat = version === '1.0' ? { serverToClient: 0, clientToServer: 0 } : negotiateHeartBeat(clientBeat, options.heartBeat)
  session.connected(version, user, beat.serverToClient, beat.clientToServer)

  // CONNECTED MUST carry version; MAY carry heart-beat, session, server — checklist 23
  const headers: Header[] = [['version', version]]
  // the server's own offer in ms, not the client's values swapped and rounded to seconds as
  // RabbitMQ sends them — checklist 34
  if (version !== '1.0') headers.push(['heart-beat', `${options.heartBeat[0]},${options.heartBeat[1]}`])
  headers.push(['session', session.id], ['server', options.serverName], ['user-name', user])
  writeFrame(session, makeFrame('CONNECTED', headers))
}
