// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { CLIENT_ID_STORAGE_KEY, getClientId, useClientId, withClientId } from './useClientId'

describe('client id (cid)', () => {
  beforeEach(() => sessionStorage.clear())

  it('is 10 url-safe characters, made once and kept in sessionStorage', () => {
    const id = getClientId()
    expect(id).toMatch(/^[A-Za-z0-9_-]{10}$/)
    expect(sessionStorage.getItem(CLIENT_ID_STORAGE_KEY)).toBe(id)
    expect(getClientId()).toBe(id)
  })

  it('keeps a stored id (a reload of the same tab) and replaces a malformed one', () => {
    sessionStorage.setItem(CLIENT_ID_STORAGE_KEY, 'abcDEF_-09')
    expect(getClientId()).toBe('abcDEF_-09')
    sessionStorage.setItem(CLIENT_ID_STORAGE_KEY, 'bad id!')
    expect(getClientId()).toMatch(/^[A-Za-z0-9_-]{10}$/)
    expect(getClientId()).not.toBe('bad id!')
  })

  it('the hook returns the same id as getClientId', () => {
    const { result } = renderHook(() => useClientId())
    expect(result.current).toBe(getClientId())
  })

  it('withClientId adds ?cid= or &cid= and keeps the fragment', () => {
    expect(withClientId('/ws/stomp', 'abc')).toBe('/ws/stomp?cid=abc')
    expect(withClientId('/lab/feeds/lobby/poll?since=3', 'abc')).toBe('/lab/feeds/lobby/poll?since=3&cid=abc')
    expect(withClientId('/lab/echo?', 'abc')).toBe('/lab/echo?cid=abc')
    expect(withClientId('ws://h/ws/feed?feed=lobby#x', 'a b')).toBe('ws://h/ws/feed?feed=lobby&cid=a%20b#x')
  })
})
