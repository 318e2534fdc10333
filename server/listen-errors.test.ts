import { describe, expect, it } from 'vitest'
import { listenErrorMessage } from './listen-errors'

const at = { host: 'nope', port: 3000 }
const error = (code: string) => Object.assign(new Error(`listen ${code}`), { code })

describe('listenErrorMessage', () => {
  it.each([
    ['ENOTFOUND', /^HOST="nope" is not a name this machine can resolve \(getaddrinfo ENOTFOUND\); use an address of this machine/],
    ['EAI_AGAIN', /^HOST="nope" could not be resolved: the name server did not answer \(getaddrinfo EAI_AGAIN\); use/],
    ['EADDRNOTAVAIL', /^HOST="nope" is not an address of this machine \(EADDRNOTAVAIL\); use/],
    ['EADDRINUSE', /^PORT 3000 is busy on nope .*set PORT to another port$/],
    ['EACCES', /^PORT 3000 on nope needs privileges; use a port above 1023$/],
  ])('%s: one line naming the setting to change', (code, text) => {
    const message = listenErrorMessage(error(code), at)
    expect(message).toMatch(text)
    expect(message).not.toContain('\n')
  })

  it('quotes HOST as the environment holds it', () => {
    expect(listenErrorMessage(error('ENOTFOUND'), { host: 'a"b', port: 1 })).toMatch(/^HOST="a\\"b" /)
  })

  it('leaves any other error alone (null)', () => {
    expect(listenErrorMessage(error('ECONNRESET'), at)).toBeNull()
    expect(listenErrorMessage(new Error('no code'), at)).toBeNull()
    expect(listenErrorMessage('a string', at)).toBeNull()
  })
})
