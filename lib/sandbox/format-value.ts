/**
 * console.log for the sandbox: the learner's values turned into one line of text, the way a
 * browser console would show them (strings as they are, objects as compact JSON-like text), safe
 * on anything: cycles, getters that throw, huge arrays, deep nesting, symbols, bigint.
 */
const MAX_DEPTH = 3
const MAX_ITEMS = 20
const MAX_STRING = 2000

function quote(text: string): string {
  return JSON.stringify(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text)
}

function key(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)
}

function inner(value: unknown, depth: number, seen: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return quote(value)
    case 'number':
    case 'boolean':
    case 'undefined':
      return String(value)
    case 'bigint':
      return `${value}n`
    case 'symbol':
      return value.toString()
    case 'function':
      return `[Function${value.name ? ` ${value.name}` : ''}]`
  }
  if (value === null) return 'null'
  const obj = value as object
  if (obj instanceof Error) return `${obj.name}: ${obj.message}`
  if (seen.has(obj)) return '[Circular]'
  if (depth >= MAX_DEPTH) return Array.isArray(obj) ? '[…]' : '{…}'
  seen.add(obj)
  try {
    if (Array.isArray(obj)) {
      const items = obj.slice(0, MAX_ITEMS).map((v) => inner(v, depth + 1, seen))
      if (obj.length > MAX_ITEMS) items.push(`… ${obj.length - MAX_ITEMS} more`)
      return `[${items.join(', ')}]`
    }
    if (obj instanceof Map) {
      const items = [...obj].slice(0, MAX_ITEMS).map(([k, v]) => `${inner(k, depth + 1, seen)} => ${inner(v, depth + 1, seen)}`)
      return `Map(${obj.size}) {${items.join(', ')}}`
    }
    if (obj instanceof Set) return `Set(${obj.size}) {${[...obj].slice(0, MAX_ITEMS).map((v) => inner(v, depth + 1, seen)).join(', ')}}`
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString()
    if (obj instanceof Uint8Array) return `Uint8Array(${obj.length})`
    const names = Object.keys(obj)
    const parts: string[] = []
    for (const name of names.slice(0, MAX_ITEMS)) {
      let shown: string
      try {
        shown = inner((obj as Record<string, unknown>)[name], depth + 1, seen)
      } catch {
        shown = '[getter threw]'
      }
      parts.push(`${key(name)}: ${shown}`)
    }
    if (names.length > MAX_ITEMS) parts.push(`… ${names.length - MAX_ITEMS} more`)
    const ctor = (Object.getPrototypeOf(obj) as { constructor?: { name?: string } } | null)?.constructor?.name
    const prefix = ctor && ctor !== 'Object' ? `${ctor} ` : ''
    return `${prefix}{${parts.join(', ')}}`
  } catch {
    return '[unprintable]'
  } finally {
    seen.delete(obj)
  }
}

/** One value as the console shows it inside a line (strings quoted). */
export function formatValue(value: unknown): string {
  return inner(value, 0, new Set())
}

/** console.log(a, b, c): top-level strings unquoted, values separated by spaces. */
export function formatArgs(args: readonly unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : formatValue(a))).join(' ')
}
