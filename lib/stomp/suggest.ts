/** "Did you mean …": closest candidate by case-insensitive match, then edit distance ≤ 2. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = cur
  }
  return prev[b.length]
}

export function suggest(input: string, candidates: readonly string[], maxDistance = 2): string | undefined {
  const upper = input.toUpperCase()
  const exact = candidates.find((c) => c.toUpperCase() === upper)
  if (exact !== undefined) return exact
  let best: string | undefined
  let bestD = maxDistance + 1
  for (const c of candidates) {
    const d = levenshtein(upper, c.toUpperCase())
    if (d < bestD) {
      best = c
      bestD = d
    }
  }
  return best
}
