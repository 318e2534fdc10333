/**
 * ONE place that turns a problem code + context into a StompProblem whose `detail` teaches:
 * what was wrong (quoting the frame), what a correct frame looks like (`^@` = NUL), and the spec
 * section. The broker builds its ERROR frames from it (problemToErrorFrame); the linter shows the
 * same texts as editor diagnostics.
 */
import type { StompErrorCode, StompProblem } from './errors'
import { makeFrame, type Frame, type Header } from './frame'
import { PROBLEM_TEXTS, type ProblemContext } from './problem-texts'
import { encodeUtf8 } from './utf8'

export type { ProblemContext, SlowConsumerReason } from './problem-texts'

const QUOTE_MAX = 80

/**
 * Display form of wire text inside a sentence: `"…"` with NUL as ^@, CR as ␍, LF as ⏎, other
 * control characters as \xNN, and long texts cut with …
 */
export function quote(text: string | undefined): string {
  if (text === undefined) return '(none)'
  let s = text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f]/g, (ch) => {
    const c = ch.charCodeAt(0)
    if (c === 0) return '^@'
    if (c === 13) return '␍'
    if (c === 10) return '⏎'
    if (c === 9) return '\t'
    return `\\x${c.toString(16).padStart(2, '0')}`
  })
  return `"${s}"`
}

function indent(block: string): string {
  return block.split('\n').map((l) => (l === '' ? '' : `    ${l}`)).join('\n')
}

/** Builds the problem for `code`. Missing context degrades gracefully ("?"), never throws. */
export function makeProblem(code: StompErrorCode, ctx: ProblemContext = {}): StompProblem {
  const version = ctx.version ?? '1.2'
  const t = PROBLEM_TEXTS[code](ctx, version, quote)
  const spec = ctx.spec ?? t.spec
  const parts = [t.what]
  if (t.example !== undefined) {
    parts.push(`A correct frame looks like this (^@ is the NUL octet that ends every frame):\n\n${indent(t.example)}`)
  }
  parts.push(`Spec: ${spec}`)
  return {
    code,
    message: t.message.replace(/[\r\n]/g, ' '),
    detail: parts.join('\n\n'),
    checklist: ctx.checklist ?? t.checklist,
    spec,
  }
}

/**
 * The ERROR frame for a problem (STOMP 1.2 §ERROR — checklist 69, 71): `message` header, `code`
 * with the stable StompErrorCode (a Wirelab header — servers may add headers; it lets any client,
 * over TCP too, tell errors apart without parsing English), `receipt-id` when the failing frame
 * asked for a receipt, and the teaching text as a `text/plain` body with its `content-length`.
 * The caller sends it, then closes (checklist 70).
 *
 *   ERROR
 *   message:Unknown destination: "orders"
 *   code:STOMP_ERR_BAD_DESTINATION
 *   receipt-id:77
 *   content-type:text/plain
 *   content-length:…
 */
export function problemToErrorFrame(problem: StompProblem, opts: { readonly receiptId?: string } = {}): Frame {
  const body = encodeUtf8(`${problem.detail}\n`)
  const headers: Header[] = [['message', problem.message], ['code', problem.code]]
  if (opts.receiptId !== undefined) headers.push(['receipt-id', opts.receiptId])
  headers.push(['content-type', 'text/plain'], ['content-length', String(body.length)])
  return makeFrame('ERROR', headers, body)
}
