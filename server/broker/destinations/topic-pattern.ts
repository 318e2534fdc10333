/**
 * RabbitMQ-style topic matching: a name is words separated by `.`; in a subscriber's pattern
 * `*` matches exactly one word and `#` zero or more words (`chat.#` matches `chat`).
 * Dynamic programming, O(pattern words × name words): no exponential backtracking on `#.#.#`.
 */

export function isWildcardPattern(pattern: string): boolean {
  return pattern.split('.').some((w) => w === '*' || w === '#')
}

export function topicMatches(pattern: readonly string[], words: readonly string[]): boolean {
  const w = words.length
  // row[j] = pattern[0..i) matches words[0..j)
  let row: boolean[] = new Array<boolean>(w + 1).fill(false)
  row[0] = true
  for (const token of pattern) {
    const next: boolean[] = new Array<boolean>(w + 1).fill(false)
    if (token === '#') {
      let any = false
      for (let j = 0; j <= w; j++) {
        any = any || row[j]
        next[j] = any
      }
    } else {
      for (let j = 1; j <= w; j++) next[j] = row[j - 1] && (token === '*' || token === words[j - 1])
    }
    row = next
  }
  return row[w]
}
