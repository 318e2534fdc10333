import { buildReplCommand, parseReplLine } from '@/lib/playground/repl'
import { serializeHeartbeat } from '@/lib/stomp/serializer'
import type { RawStompClient } from './client/RawStompClient'

/**
 * Runs one console line on a client: slash commands become frames (lib/playground/repl.ts) or
 * client actions (/connect, /ping, /close, /raw). Returns a line for the console to print (an
 * error that teaches, or a usage hint), or null when the wire itself will show what happened.
 * /clear and /help belong to the console.
 */
export function runReplLine(client: RawStompClient, line: string): string | null {
  const cmd = parseReplLine(line)
  if (cmd.kind === 'error') return cmd.usage ? `${cmd.message}\nusage: ${cmd.usage}` : cmd.message
  const ctx = client.completionContext()
  const built = buildReplCommand(cmd, ctx, client.status.negotiatedVersion ?? ctx.version)
  if (built.kind === 'error') return built.usage ? `${built.message}\nusage: ${built.usage}` : built.message
  if (built.frame !== null) {
    client.sendFrame(built.frame)
    return null
  }
  switch (cmd.kind) {
    case 'connect':
      client.connect()
      return null
    case 'ping':
      client.sendRaw(serializeHeartbeat())
      return null
    case 'close':
      client.close(cmd.code ?? 1000, cmd.reason)
      return null
    case 'raw':
      client.sendRaw(cmd.bytes)
      return null
    default:
      return null
  }
}
