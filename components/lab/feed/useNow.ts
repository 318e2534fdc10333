'use client'

import { useEffect, useState } from 'react'

/** performance.now(), refreshed every `everyMs` while `active` (a held request's timer). */
export function useNow(active: boolean, everyMs = 100): number {
  const [now, setNow] = useState(() => performance.now())
  useEffect(() => {
    if (!active) return
    setNow(performance.now())
    const timer = setInterval(() => setNow(performance.now()), everyMs)
    return () => clearInterval(timer)
  }, [active, everyMs])
  return now
}
