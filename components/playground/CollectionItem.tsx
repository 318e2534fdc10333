'use client'

import { useLayoutEffect, useRef, useState } from 'react'
import type { SavedFrames } from '@/lib/playground/collections'
import styles from './panels.module.css'

/** One saved item: open it, move it up/down within its folder, edit (rename, refile, overwrite), delete. */
export interface CollectionItemProps {
  readonly item: SavedFrames
  readonly first: boolean
  readonly last: boolean
  readonly target: string
  readonly onOpen: () => void
  readonly onMove: (direction: 'up' | 'down') => void
  readonly onUpdate: (patch: { name?: string; folder?: string }) => void
  readonly onOverwrite: () => void
  readonly onRemove: () => void
}

export function CollectionItem({ item, first, last, target, onOpen, onMove, onUpdate, onOverwrite, onRemove }: CollectionItemProps) {
  const [editing, setEditing] = useState(false)
  // Moving re-inserts this row in the DOM, which drops the focus: put it back on the same arrow
  // (or the other one when this one just became disabled at the folder's edge).
  const up = useRef<HTMLButtonElement>(null)
  const down = useRef<HTMLButtonElement>(null)
  const refocus = useRef<'up' | 'down' | null>(null)
  useLayoutEffect(() => {
    const want = refocus.current
    if (want === null) return
    refocus.current = null
    const target = want === 'up' ? (first ? down : up) : last ? up : down
    target.current?.focus()
  })
  const move = (d: 'up' | 'down') => {
    refocus.current = d
    onMove(d)
  }
  const count = item.frames.split(/\^@|\u0000/).filter((p) => p.trim() !== '').length
  return (
    <li className={styles.item}>
      <div className={styles.itemRow}>
        <button type="button" className={styles.itemName} onClick={onOpen} title={`Open in ${target}'s editor`}>
          {item.name}
          <span className="visually-hidden">: open in {target}&apos;s editor</span>
        </button>
        <span className={styles.muted} aria-hidden="true">
          {count} frame{count === 1 ? '' : 's'}
        </span>
        <button ref={up} type="button" onClick={() => move('up')} disabled={first} aria-label={`Move ${item.name} up`}>
          ↑
        </button>
        <button ref={down} type="button" onClick={() => move('down')} disabled={last} aria-label={`Move ${item.name} down`}>
          ↓
        </button>
        <button type="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${item.name}`}>
          ⋯
        </button>
      </div>
      {editing && (
        <form
          className={styles.editForm}
          onSubmit={(e) => {
            e.preventDefault()
            const data = new FormData(e.currentTarget)
            onUpdate({ name: String(data.get('name') ?? ''), folder: String(data.get('folder') ?? '') })
            setEditing(false)
          }}
        >
          <label className={styles.field}>
            <span>Name</span>
            <input name="name" defaultValue={item.name} maxLength={120} />
          </label>
          <label className={styles.field}>
            <span>Folder</span>
            <input name="folder" defaultValue={item.folder} maxLength={120} />
          </label>
          <button type="submit">Apply</button>
          <button type="button" onClick={onOverwrite}>
            Replace with {target}&apos;s editor
          </button>
          <button type="button" className={styles.danger} onClick={onRemove}>
            Delete
          </button>
        </form>
      )}
    </li>
  )
}
