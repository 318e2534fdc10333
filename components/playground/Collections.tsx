'use client'

import { useId, useRef, useState } from 'react'
import { folders, grouped } from '@/lib/playground/collections'
import type { CollectionsApi } from './useCollections'
import { CollectionItem } from './CollectionItem'
import { ShareBox } from './ShareBox'
import styles from './panels.module.css'

/**
 * Saved frames, grouped in folders: save the active client's editor, open an item into it,
 * reorder with buttons (keyboard friendly), rename/refile/delete, export and import a JSON file,
 * and a share link that carries the editor's frames in the URL fragment.
 */
export interface CollectionsProps {
  readonly api: CollectionsApi
  /** The active client's name and editor document. */
  readonly target: string
  readonly doc: string
  readonly onOpen: (frames: string) => void
}

export function Collections({ api, target, doc, onOpen }: CollectionsProps) {
  const id = useId()
  const [name, setName] = useState('')
  const [folder, setFolder] = useState('')
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const say = (text: string, error = false) => setMessage({ text, error })

  const download = () => {
    const url = URL.createObjectURL(new Blob([api.exportText()], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 'wirelab-collections.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
    say(`Exported ${api.items.length} item${api.items.length === 1 ? '' : 's'} to wirelab-collections.json.`)
  }

  const onFile = async (file: File | undefined) => {
    if (file === undefined) return
    if (file.size > 4 * 1024 * 1024) return say(`${file.name} is larger than 4 MiB: not a collections file.`, true)
    const r = api.importText(await file.text())
    if ('error' in r) say(`${file.name} was not imported: ${r.error}`, true)
    else say(`Imported ${r.count} item${r.count === 1 ? '' : 's'} from ${file.name}.`)
    if (fileInput.current) fileInput.current.value = ''
  }

  return (
    <div className={styles.panel}>
      <form
        className={styles.saveForm}
        onSubmit={(e) => {
          e.preventDefault()
          api.save({ name: name || `${target}'s frames`, folder, frames: doc })
          say(`Saved “${name || `${target}'s frames`}”${folder ? ` in ${folder}` : ''}.`)
          setName('')
        }}
      >
        <label className={styles.field}>
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={`${target}'s frames`} maxLength={120} />
        </label>
        <label className={styles.field}>
          <span>Folder</span>
          <input value={folder} onChange={(e) => setFolder(e.target.value)} list={`${id}-folders`} placeholder="none" maxLength={120} />
          <datalist id={`${id}-folders`}>
            {folders(api.items)
              .filter((f) => f !== '')
              .map((f) => (
                <option key={f} value={f} />
              ))}
          </datalist>
        </label>
        <button type="submit">Save {target}&apos;s editor</button>
      </form>

      {api.storageProblem && <p className={styles.warning}>{api.storageProblem}</p>}
      <p className={message?.error ? styles.warning : styles.note} role="status" aria-live="polite">
        {message?.text}
      </p>

      {api.items.length === 0 ? (
        <p className={styles.muted}>No saved frames yet. Save an editor above, or import a file.</p>
      ) : (
        grouped(api.items).map((g) => (
          <section key={g.folder || '(none)'} aria-label={g.folder === '' ? 'No folder' : `Folder ${g.folder}`} className={styles.folder}>
            <h4 className={styles.folderName}>{g.folder === '' ? 'No folder' : g.folder}</h4>
            <ul className={styles.items}>
              {g.items.map((it, i) => (
                <CollectionItem
                  key={it.id}
                  item={it}
                  first={i === 0}
                  last={i === g.items.length - 1}
                  target={target}
                  onOpen={() => {
                    onOpen(it.frames)
                    say(`Opened “${it.name}” in ${target}'s editor.`)
                  }}
                  onMove={(d) => api.move(it.id, d)}
                  onUpdate={(patch) => api.update(it.id, patch)}
                  onOverwrite={() => {
                    api.update(it.id, { frames: doc })
                    say(`“${it.name}” now holds ${target}'s editor.`)
                  }}
                  onRemove={() => {
                    api.remove(it.id)
                    say(`Deleted “${it.name}”.`)
                  }}
                />
              ))}
            </ul>
          </section>
        ))
      )}

      <div className={styles.fileRow}>
        <button type="button" onClick={download} disabled={api.items.length === 0}>
          Export JSON
        </button>
        <label className={styles.fileLabel}>
          Import JSON…
          <input ref={fileInput} type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      <ShareBox doc={doc} target={target} />
    </div>
  )
}
