import type { TextBlock } from '../rule'

/**
 * URLs, e-mail addresses, domain names, file names and Latin codes (`GB/T 15834-2011`, `ISO 9001`,
 * `0371-68888888`) inside a block: punctuation and number rules leave them alone.
 */
const spanPattern = new RegExp(
  [
    // URL
    String.raw`(?:https?:\/\/|ftp:\/\/|www\.)[^\s\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’]+`,
    // e-mail address
    String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+`,
    // domain or file name
    String.raw`(?:[A-Za-z0-9-]+\.)+(?:com|cn|net|org|gov|edu|html?|docx?|pdf|xlsx?|wrs|txt|md)\b`,
    // Latin code with a number (GB/T 15834-2011, ISO 9001)
    String.raw`[A-Z]{1,6}(?:\/[A-Z]{1,3})?[ \u00a0]?\d+(?:[.\-:/]\d+)*`,
    // telephone number
    String.raw`\b\d{3,4}-\d{7,8}\b`,
  ].join('|'),
  'g',
)

const precheck = /[A-Za-z@]|\d-\d{7}/
const cache = new WeakMap<TextBlock, number[]>()
const empty: number[] = []

/** Flat list [from, to, from, to, …] of protected spans of a block, computed once per block. */
export function protectedSpans(block: TextBlock): number[] {
  const cached = cache.get(block)
  if (cached) return cached
  const text = block.text
  if (!precheck.test(text)) {
    cache.set(block, empty)
    return empty
  }
  const spans: number[] = []
  spanPattern.lastIndex = 0
  for (let match = spanPattern.exec(text); match; match = spanPattern.exec(text)) {
    spans.push(match.index, match.index + match[0].length)
  }
  cache.set(block, spans)
  return spans
}

/** True when [from, to) overlaps a protected span. */
export function isProtected(block: TextBlock, from: number, to = from + 1): boolean {
  const spans = protectedSpans(block)
  for (let index = 0; index < spans.length; index += 2) {
    if (from < spans[index + 1]! && to > spans[index]!) return true
  }
  return false
}
