'use client'

import { useCallback, useEffect, useState } from 'react'
import {
  addItem,
  exportCollections,
  importCollections,
  mergeImported,
  moveItem,
  removeItem,
  updateItem,
  type NewItem,
  type SavedFrames,
} from '@/lib/playground/collections'

/** Saved frame collections, kept in localStorage (validated on load like an imported file). */
export const COLLECTIONS_STORAGE_KEY = 'wirelab-playground-collections'

const newId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`)

export interface CollectionsApi {
  readonly items: readonly SavedFrames[]
  /** Why storage could not be read or written, if it could not. */
  readonly storageProblem: string | null
  save(item: NewItem): void
  update(id: string, patch: Partial<Pick<SavedFrames, 'name' | 'folder' | 'frames'>>): void
  remove(id: string): void
  move(id: string, direction: 'up' | 'down'): void
  /** Validates and appends a file's items; returns an error sentence or the number imported. */
  importText(text: string): { readonly error: string } | { readonly count: number }
  exportText(): string
}

export function useCollections(): CollectionsApi {
  const [items, setItems] = useState<readonly SavedFrames[]>([])
  const [storageProblem, setStorageProblem] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)

  useEffect(() => {
    try {
      const text = localStorage.getItem(COLLECTIONS_STORAGE_KEY)
      if (text !== null) {
        const r = importCollections(text)
        if (r.ok) setItems(r.items)
        else setStorageProblem(`Saved collections could not be read (${r.error}); they were left untouched in storage, so new saves last only until the page closes: export them to keep them.`)
      }
    } catch {
      setStorageProblem('This browser blocks localStorage: collections last only until the page closes. Export them to keep them.')
    }
    setLoaded(true)
  }, [])

  useEffect(() => {
    if (!loaded || storageProblem?.startsWith('Saved collections could not be read')) return
    try {
      localStorage.setItem(COLLECTIONS_STORAGE_KEY, exportCollections(items))
    } catch {
      setStorageProblem('Could not write to localStorage (blocked or full): export your collections to keep them.')
    }
  }, [items, loaded, storageProblem])

  const save = useCallback((item: NewItem) => setItems((l) => addItem(l, item, newId(), Date.now())), [])
  const update = useCallback((id: string, patch: Partial<Pick<SavedFrames, 'name' | 'folder' | 'frames'>>) => setItems((l) => updateItem(l, id, patch, Date.now())), [])
  const remove = useCallback((id: string) => setItems((l) => removeItem(l, id)), [])
  const move = useCallback((id: string, direction: 'up' | 'down') => setItems((l) => moveItem(l, id, direction)), [])
  const importText = useCallback((text: string) => {
    const r = importCollections(text)
    if (!r.ok) return { error: r.error }
    setItems((l) => mergeImported(l, r.items, newId))
    return { count: r.items.length }
  }, [])
  const exportText = useCallback(() => exportCollections(items), [items])

  return { items, storageProblem, save, update, remove, move, importText, exportText }
}
