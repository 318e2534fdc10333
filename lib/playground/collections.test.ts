import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addItem,
  exportCollections,
  folders,
  grouped,
  importCollections,
  mergeImported,
  moveItem,
  removeItem,
  updateItem,
  type SavedFrames,
} from './collections'

const SUB = 'SUBSCRIBE\nid:0\ndestination:/topic/a\n\n^@'
function sample(): SavedFrames[] {
  let list: SavedFrames[] = []
  list = addItem(list, { name: 'sub', folder: 'Basics', frames: SUB }, 'a', 1)
  list = addItem(list, { name: 'loose', folder: '', frames: 'SEND\n\n^@' }, 'b', 2)
  list = addItem(list, { name: 'send', folder: 'Basics', frames: 'SEND\ndestination:/topic/a\n\nhi\n^@' }, 'c', 3)
  list = addItem(list, { name: 'nack', folder: 'Acks', frames: 'NACK\nid:1\n\n^@' }, 'd', 4)
  return list
}

describe('collections model', () => {
  it('adds with trimmed names and a default name', () => {
    const list = addItem([], { name: '   ', folder: '  Demo ', frames: SUB }, 'x', 9)
    expect(list).toEqual([{ id: 'x', name: 'Untitled', folder: 'Demo', frames: SUB, savedAt: 9 }])
  })

  it('groups by folder, no-folder first, list order kept inside a folder', () => {
    const list = sample()
    expect(folders(list)).toEqual(['', 'Basics', 'Acks'])
    expect(grouped(list).map((g) => [g.folder, g.items.map((i) => i.name)])).toEqual([
      ['', ['loose']],
      ['Basics', ['sub', 'send']],
      ['Acks', ['nack']],
    ])
  })

  it('moves an item within its folder, skipping other folders, and stays at the edges', () => {
    const list = sample()
    const down = moveItem(list, 'a', 'down')
    expect(grouped(down).find((g) => g.folder === 'Basics')?.items.map((i) => i.name)).toEqual(['send', 'sub'])
    expect(moveItem(down, 'a', 'down')).toBe(down) // already last in Basics
    expect(moveItem(list, 'a', 'up')).toBe(list) // first in Basics
    expect(moveItem(list, 'nope', 'up')).toBe(list)
  })

  it('renames, refiles, updates frames and removes', () => {
    let list = updateItem(sample(), 'b', { name: 'renamed', folder: 'Acks' }, 10)
    expect(list.find((i) => i.id === 'b')).toMatchObject({ name: 'renamed', folder: 'Acks', savedAt: 10 })
    list = updateItem(list, 'b', { name: '  ' }, 11)
    expect(list.find((i) => i.id === 'b')?.name).toBe('renamed') // an empty name is refused
    list = removeItem(list, 'b')
    expect(list.map((i) => i.id)).toEqual(['a', 'c', 'd'])
  })

  it('export → import round-trips any list (fast-check)', () => {
    const item = fc.record({
      id: fc.string({ minLength: 1, maxLength: 8 }),
      name: fc.string({ maxLength: 20 }).map((s) => s.trim()).filter((s) => s !== ''),
      folder: fc.string({ maxLength: 10 }).map((s) => s.trim()),
      frames: fc.string({ unit: 'grapheme', maxLength: 200 }),
      savedAt: fc.integer({ min: 0, max: 2 ** 45 }),
    })
    fc.assert(
      fc.property(fc.array(item, { maxLength: 10 }), (list) => {
        expect(importCollections(exportCollections(list))).toEqual({ ok: true, items: list })
      }),
    )
  })

  it('refuses bad files with a clear reason', () => {
    const file = (o: unknown) => JSON.stringify(o)
    const cases: Array<[string, RegExp]> = [
      ['{oops', /not JSON/],
      ['[1,2]', /found a list/],
      [file({ format: 'postman', version: 1, items: [] }), /not a Wirelab collections file/],
      [file({ format: 'wirelab-collections', version: 2, items: [] }), /version 2 is not supported/],
      [file({ format: 'wirelab-collections', version: 1, items: {} }), /"items" should be a list/],
      [file({ format: 'wirelab-collections', version: 1, items: [7] }), /Item 1 should be an object/],
      [file({ format: 'wirelab-collections', version: 1, items: [{ id: 'a', name: 'x' }] }), /Item 1 \("x"\) has no "frames"/],
      [file({ format: 'wirelab-collections', version: 1, items: [{ id: 'a', name: 'x', frames: '', folder: 3 }] }), /"folder" should be text/],
    ]
    for (const [text, message] of cases) {
      const r = importCollections(text)
      expect(r.ok, text).toBe(false)
      if (!r.ok) expect(r.error).toMatch(message)
    }
  })

  it('merging an import never overwrites: clashing ids get fresh ones', () => {
    const list = sample()
    let n = 0
    const merged = mergeImported(list, list.slice(0, 2), () => `new${++n}`)
    expect(merged.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'new1', 'new2'])
    expect(merged[4].name).toBe('sub')
  })
})
