import { describe, expect, it } from 'vitest'
import { answerLocally, listCandidates } from './repl-output'
import { stripAnsi } from './wire-text'

describe('console local answers', () => {
  it('/help prints the command list, /help <cmd> its notes, /clear clears', () => {
    const help = answerLocally('/help')
    expect(help.kind === 'print' && help.text).toContain('/sub <destination> [auto|client|client-individual]')
    const one = answerLocally('/help raw')
    expect(one.kind === 'print' && one.text).toContain('^@ = NUL')
    expect(answerLocally('/clear')).toEqual({ kind: 'clear' })
  })

  it('a line that does not parse is answered with the teaching message and the usage, not forwarded', () => {
    const a = answerLocally('/sub')
    expect(a.kind).toBe('print')
    expect(a.kind === 'print' && stripAnsi(a.text)).toBe('/sub needs a destination, e.g. /sub /topic/greetings\nusage: /sub <destination> [auto|client|client-individual]\n')
  })

  it('lines that parse go to the page', () => {
    for (const l of ['/connect', '/sub /q', '/send /q hi', '/ack', '/ping', '/raw x^@', '/close 1000']) expect(answerLocally(l), l).toEqual({ kind: 'forward' })
  })

  it('Tab candidates are listed by their last word in columns', () => {
    expect(stripAnsi(listCandidates(['/sub /queue/a ', '/sub /topic/b '], 80))).toBe('/queue/a  /topic/b\n')
    expect(stripAnsi(listCandidates(['/sub /queue/a ', '/sub /topic/b '], 12))).toBe('/queue/a\n/topic/b\n')
  })
})
