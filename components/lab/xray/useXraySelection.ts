'use client'

import { useCallback, useState } from 'react'
import type { XraySelection } from '@/lib/inspect/xray'
import type { SelectionProps, SelectionSource } from './xray-ui'

interface Picked {
  readonly selection: XraySelection
  readonly id: string | null
}

/**
 * What the X-ray lights up: the part under the pointer, else the part with keyboard focus. Kept
 * apart so that a pointer leaving some part (or the page scrolling under it) does not clear what
 * the keyboard selected.
 */
export function useXraySelection(): SelectionProps {
  const [hover, setHover] = useState<Picked | null>(null)
  const [focus, setFocus] = useState<Picked | null>(null)
  const onSelect = useCallback((selection: XraySelection | null, id: string | null, source: SelectionSource = 'hover') => {
    const picked = selection ? { selection, id } : null
    if (source === 'focus') setFocus(picked)
    else setHover(picked)
  }, [])
  const current = hover ?? focus
  return { selection: current?.selection ?? null, activeId: current?.id ?? null, onSelect }
}
