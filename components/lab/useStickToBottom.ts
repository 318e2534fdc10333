'use client'

import { useCallback, useEffect, useRef } from 'react'

/**
 * Keeps a scrolled log at its newest entry while the reader has not scrolled up (they may read
 * older entries in peace). Attach `ref` and `onScroll` to the scrolling element; `count` is the
 * number of entries shown.
 */
export function useStickToBottom<E extends HTMLElement>(count: number) {
  const ref = useRef<E>(null)
  const atBottom = useRef(true)
  const onScroll = useCallback(() => {
    const el = ref.current
    if (el) atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24
  }, [])
  useEffect(() => {
    const el = ref.current
    if (el && atBottom.current) el.scrollTop = el.scrollHeight
  }, [count])
  return { ref, onScroll }
}
