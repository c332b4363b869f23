import type { TextBlock } from '../rule'
import { F, has } from './block-features'

/** Families: 0 “”, 1 ‘’, 2 （）/(), 3 《》, 4 〈〉, 5 【】, 6 〔〕. */
const openers: Record<string, number> = { '“': 0, '‘': 1, '（': 2, '(': 2, '《': 3, '〈': 4, '【': 5, '〔': 6 }
const closers: Record<string, number> = { '”': 0, '’': 1, '）': 2, ')': 2, '》': 3, '〉': 4, '】': 5, '〕': 6 }
const anyBracket = /[“”‘’（）()《》〈〉【】〔〕]/g

export interface BracketScan {
  /** Offsets of brackets and quotes without a partner. */
  unmatched: number[]
  /** Parenthesis pairs [open, close] (any width). */
  parenPairs: Array<[number, number]>
  /** Pairs whose two halves have different widths: `（…)`, `(…）`. */
  mixed: Array<[number, number]>
  /** “…” inside “…”, or 《…》 inside 《…》: the inner pair. */
  nested: Array<[number, number]>
}

const cache = new WeakMap<TextBlock, BracketScan>()
const none: BracketScan = { unmatched: [], parenPairs: [], mixed: [], nested: [] }

export function scanBrackets(block: TextBlock): BracketScan {
  const cached = cache.get(block)
  if (cached) return cached
  const text = block.text
  if (!has(block, F.bracket)) {
    cache.set(block, none)
    return none
  }
  const scan: BracketScan = { unmatched: [], parenPairs: [], mixed: [], nested: [] }
  const families: number[] = []
  const offsets: number[] = []
  anyBracket.lastIndex = 0
  for (let match = anyBracket.exec(text); match; match = anyBracket.exec(text)) {
    const ch = match[0]
    const at = match.index
    const open = openers[ch]
    if (open !== undefined) {
      families.push(open)
      offsets.push(at)
      continue
    }
    const family = closers[ch]!
    let k = families.length - 1
    while (k >= 0 && families[k] !== family) k--
    if (k < 0) {
      scan.unmatched.push(at)
      continue
    }
    for (let above = families.length - 1; above > k; above--) scan.unmatched.push(offsets[above]!)
    const openAt = offsets[k]!
    families.length = k
    offsets.length = k
    if (family === 2) {
      scan.parenPairs.push([openAt, at])
      if ((text[openAt] === '(') !== (ch === ')')) scan.mixed.push([openAt, at])
    } else if ((family === 0 || family === 3) && families.includes(family)) {
      scan.nested.push([openAt, at])
    }
  }
  for (const offset of offsets) scan.unmatched.push(offset)
  scan.unmatched.sort((a, b) => a - b)
  cache.set(block, scan)
  return scan
}
