/**
 * Saved frame collections: named editor documents grouped in folders, kept in the browser
 * (localStorage, by the page) and exported/imported as a JSON file. Pure and immutable: every
 * operation returns a new list; ids and times come from the caller.
 *
 * File format (also the localStorage value):
 *   { "format": "wirelab-collections", "version": 1,
 *     "items": [ { "id": "…", "name": "Subscribe", "folder": "Basics", "frames": "SUBSCRIBE\n…^@", "savedAt": 1732190000000 } ] }
 */

export const COLLECTIONS_FORMAT = 'wirelab-collections'
export const COLLECTIONS_VERSION = 1
export const MAX_ITEMS = 500
export const MAX_FRAMES_CHARS = 256 * 1024
export const MAX_NAME_CHARS = 120

export interface SavedFrames {
  readonly id: string
  readonly name: string
  /** Folder name; '' = no folder. */
  readonly folder: string
  /** The editor document. */
  readonly frames: string
  /** ms since epoch. */
  readonly savedAt: number
}

export type ImportResult =
  | { readonly ok: true; readonly items: readonly SavedFrames[] }
  | { readonly ok: false; readonly error: string }

export interface NewItem {
  readonly name: string
  readonly folder: string
  readonly frames: string
}

const clean = (s: string) => s.trim().slice(0, MAX_NAME_CHARS)

export function addItem(list: readonly SavedFrames[], item: NewItem, id: string, now: number): SavedFrames[] {
  return [...list, { id, name: clean(item.name) || 'Untitled', folder: clean(item.folder), frames: item.frames, savedAt: now }]
}

export function updateItem(list: readonly SavedFrames[], id: string, patch: Partial<Pick<SavedFrames, 'name' | 'folder' | 'frames'>>, now: number): SavedFrames[] {
  return list.map((it) =>
    it.id !== id
      ? it
      : {
          ...it,
          name: patch.name === undefined ? it.name : clean(patch.name) || it.name,
          folder: patch.folder === undefined ? it.folder : clean(patch.folder),
          frames: patch.frames ?? it.frames,
          savedAt: now,
        },
  )
}

export function removeItem(list: readonly SavedFrames[], id: string): SavedFrames[] {
  return list.filter((it) => it.id !== id)
}

/**
 * Moves an item one place up or down among the items of its own folder (the order the list
 * shows). At the edge of its folder it stays put. Returns the same array when nothing moved.
 */
export function moveItem(list: readonly SavedFrames[], id: string, direction: 'up' | 'down'): readonly SavedFrames[] {
  const at = list.findIndex((it) => it.id === id)
  if (at < 0) return list
  const folder = list[at].folder
  const step = direction === 'up' ? -1 : 1
  let other = at + step
  while (other >= 0 && other < list.length && list[other].folder !== folder) other += step
  if (other < 0 || other >= list.length) return list
  const next = [...list]
  next[at] = list[other]
  next[other] = list[at]
  return next
}

/** Folders in order of first appearance; '' (no folder) first when present. */
export function folders(list: readonly SavedFrames[]): string[] {
  const seen: string[] = []
  for (const it of list) if (!seen.includes(it.folder)) seen.push(it.folder)
  return seen.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0))
}

/** The list grouped by folder, keeping the list's order inside each folder. */
export function grouped(list: readonly SavedFrames[]): Array<{ readonly folder: string; readonly items: readonly SavedFrames[] }> {
  return folders(list).map((folder) => ({ folder, items: list.filter((it) => it.folder === folder) }))
}

export function exportCollections(list: readonly SavedFrames[]): string {
  return `${JSON.stringify({ format: COLLECTIONS_FORMAT, version: COLLECTIONS_VERSION, items: list }, null, 2)}\n`
}

function describe(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v
}

/** Validates a collections file (or the localStorage value). Every refusal says what is wrong and where. */
export function importCollections(text: string): ImportResult {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    return { ok: false, error: `This file is not JSON (${e instanceof Error ? e.message : 'parse error'}). Export a collection from the playground to see the expected format.` }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, error: `Expected a JSON object with "format": "${COLLECTIONS_FORMAT}", found ${describe(data)}.` }
  const format: unknown = Reflect.get(data, 'format')
  const version: unknown = Reflect.get(data, 'version')
  const items: unknown = Reflect.get(data, 'items')
  if (format !== COLLECTIONS_FORMAT) return { ok: false, error: `This is not a Wirelab collections file: "format" should be "${COLLECTIONS_FORMAT}".` }
  if (version !== COLLECTIONS_VERSION) return { ok: false, error: `Collections file version ${String(version)} is not supported (this page reads version ${COLLECTIONS_VERSION}).` }
  if (!Array.isArray(items)) return { ok: false, error: `"items" should be a list, found ${describe(items)}.` }
  if (items.length > MAX_ITEMS) return { ok: false, error: `The file holds ${items.length} items; at most ${MAX_ITEMS} are accepted.` }
  const out: SavedFrames[] = []
  for (const [i, raw] of items.entries()) {
    const where = `Item ${i + 1}`
    if (typeof raw !== 'object' || raw === null) return { ok: false, error: `${where} should be an object, found ${describe(raw)}.` }
    const get = (k: string): unknown => Reflect.get(raw, k)
    const id = get('id')
    const name = get('name')
    const folder = get('folder') ?? ''
    const frames = get('frames')
    const savedAt = get('savedAt') ?? 0
    if (typeof id !== 'string' || id === '') return { ok: false, error: `${where} has no "id" text.` }
    if (typeof name !== 'string') return { ok: false, error: `${where} has no "name" text.` }
    if (typeof folder !== 'string') return { ok: false, error: `${where} ("${name}"): "folder" should be text.` }
    if (typeof frames !== 'string') return { ok: false, error: `${where} ("${name}") has no "frames" text.` }
    if (frames.length > MAX_FRAMES_CHARS) return { ok: false, error: `${where} ("${name}") is larger than ${MAX_FRAMES_CHARS / 1024} KiB.` }
    if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return { ok: false, error: `${where} ("${name}"): "savedAt" should be a number.` }
    out.push({ id, name: clean(name) || 'Untitled', folder: clean(folder), frames, savedAt })
  }
  return { ok: true, items: out }
}

/**
 * Imported items appended after the existing ones; an imported id already in use gets a fresh
 * one from `newId` (so importing the same file twice keeps both copies, never overwrites).
 */
export function mergeImported(list: readonly SavedFrames[], imported: readonly SavedFrames[], newId: () => string): SavedFrames[] {
  const used = new Set(list.map((it) => it.id))
  const out = [...list]
  for (const it of imported) {
    let id = it.id
    while (used.has(id)) id = newId()
    used.add(id)
    out.push({ ...it, id })
  }
  return out
}
