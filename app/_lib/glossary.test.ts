import { describe, expect, it } from 'vitest'
import { glossary } from '@/lib/glossary/terms'
import { loadCourse } from './load-course'

describe('glossary', () => {
  it('every term points at a lesson that exists (or at none), ids are unique and url-safe', () => {
    const slugs = new Set(loadCourse().lessons.map((l) => l.slug))
    const ids = glossary.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const term of glossary) {
      expect(term.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
      expect(term.definition.length).toBeGreaterThan(20)
    }
    const dangling = glossary.filter((t) => t.lesson && !slugs.has(t.lesson)).map((t) => `${t.id} → ${t.lesson}`)
    expect(dangling).toEqual([])
  })
})
