/**
 * Static checks of one decoded frame against the spec tables — the rules both the broker (on a
 * received Frame) and the linter (on the editor's text) apply, so an ERROR frame and a squiggle
 * always come from the same code and carry the same problem text:
 * unknown command (4, 5, 73), NACK in 1.0 (55), missing required headers (24, 35, 41, 48, 54,
 * 55, 59, 61), malformed heart-beat (28), invalid ack (43), body on a frame that may not have
 * one (7). Content-length, escapes and limits are the parser's (wire-level) business.
 */
import type { StompProblem } from './errors'
import type { Frame, StompVersion } from './frame'
import {
  ackModes, commandsFor, isServerCommand, isValidAckMode, mayHaveBody, missingHeaders, parseHeartBeat,
  type RequiredHeaderRule, type Role,
} from './commands'
import { makeProblem } from './problems'
import { suggest } from './suggest'

export type IssueTarget =
  | { readonly kind: 'command' }
  /** `index` into frame.headers (the first occurrence: first wins, checklist 18). */
  | { readonly kind: 'header-value'; readonly index: number }
  | { readonly kind: 'body' }

export interface FrameIssue {
  readonly problem: StompProblem
  /** 'warning' = a spec MUST that brokers tolerate (1.2 `host`): report, do not reject. */
  readonly severity: 'error' | 'warning'
  readonly target: IssueTarget
  /** For missing headers: the rule (its first name is the one to add). */
  readonly rule?: RequiredHeaderRule
  /** A replacement the linter offers (closest command or ack value, `0,0` for heart-beat). */
  readonly replacement?: string
}

export interface ValidateOptions {
  readonly version: StompVersion
  /** Who sent the frame. */
  readonly role: Role
}

/** The problem of a missing required header (also used directly by the broker). */
export function missingHeaderProblem(command: string, rule: RequiredHeaderRule, version: StompVersion): StompProblem {
  return makeProblem('STOMP_ERR_MISSING_HEADER', { command, version, header: rule.anyOf[0], expected: rule.anyOf, checklist: rule.checklist, spec: rule.spec })
}

/** Every issue of `frame`, in order command → headers → body. Empty = valid. */
export function validateFrame(frame: Pick<Frame, 'command' | 'headers' | 'body'>, opts: ValidateOptions): FrameIssue[] {
  const { version, role } = opts
  const { command } = frame
  const issues: FrameIssue[] = []
  const ctx = { command, version }
  if (!commandsFor(role, version).includes(command)) {
    if (command === 'NACK' && version === '1.0' && role === 'client') {
      issues.push({ problem: makeProblem('STOMP_ERR_NACK_IN_1_0', ctx), severity: 'error', target: { kind: 'command' } })
    } else {
      const s = isServerCommand(command) && role === 'client' ? undefined : suggest(command, commandsFor(role, version))
      issues.push({ problem: makeProblem('STOMP_ERR_BAD_COMMAND', { ...ctx, suggestion: s }), severity: 'error', target: { kind: 'command' }, replacement: s })
    }
    return issues // nothing else is known about an unknown command
  }
  for (const rule of missingHeaders(frame, version)) {
    issues.push({ problem: missingHeaderProblem(command, rule, version), severity: rule.severity, target: { kind: 'command' }, rule })
  }
  const first = new Map<string, number>()
  frame.headers.forEach(([n], i) => {
    if (!first.has(n)) first.set(n, i)
  })
  const hb = first.get('heart-beat')
  if (hb !== undefined && (command === 'CONNECT' || command === 'STOMP' || command === 'CONNECTED') && parseHeartBeat(frame.headers[hb][1]) === null) {
    // checklist 28 is 1.1+: a 1.0 session has no heart-beating and ignores the header, so only warn
    const v10 = version === '1.0'
    const reason = v10 ? 'STOMP 1.0 has no heart-beating, so a 1.0 session ignores this header (Wirelab does); from 1.1 on it would be an error.' : undefined
    issues.push({
      problem: makeProblem('STOMP_ERR_BAD_HEART_BEAT', { ...ctx, value: frame.headers[hb][1], reason }),
      severity: v10 ? 'warning' : 'error', target: { kind: 'header-value', index: hb }, replacement: '0,0',
    })
  }
  const ack = first.get('ack')
  if (ack !== undefined && command === 'SUBSCRIBE' && !isValidAckMode(frame.headers[ack][1], version)) {
    const value = frame.headers[ack][1]
    const close = suggest(value, ackModes(version))
    issues.push({
      problem: makeProblem('STOMP_ERR_BAD_HEADER_VALUE', { ...ctx, header: 'ack', value, expected: ackModes(version), suggestion: close }),
      severity: 'error', target: { kind: 'header-value', index: ack }, replacement: close ?? 'auto',
    })
  }
  if (frame.body.length > 0 && !mayHaveBody(command)) {
    issues.push({ problem: makeProblem('STOMP_ERR_BODY_NOT_ALLOWED', { ...ctx, actual: frame.body.length }), severity: 'error', target: { kind: 'body' } })
  }
  return issues
}
