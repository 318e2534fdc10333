/**
 * A small seeded PRNG (mulberry32) for the fuzzer: the same seed gives the same cases, whatever
 * the concurrency, because every case draws from its own generator seeded by (run seed, index).
 */

export class Prng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Seeds a child generator for case `index` of a run seeded with `seed`. */
  static forCase(seed: number, index: number): Prng {
    return new Prng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35))
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [min, max] (inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }

  byte(): number {
    return this.int(0, 255)
  }
}

/** A fresh random seed (printed by the fuzz test so any run can be replayed with FUZZ_SEED). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x7fffffff)
}
