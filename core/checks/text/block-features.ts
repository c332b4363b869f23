import { hanBmpRanges } from '../../report-language/han'
import type { TextBlock } from '../rule'

/**
 * What a block's text contains, found in one pass over its characters and cached per block, so that
 * each rule skips blocks it has nothing to do in without scanning their text again.
 */
export const F = {
  han: 1 << 0,
  /** ASCII , ; : ? ! ( ) */
  asciiPunct: 1 << 1,
  /** ASCII . */
  dot: 1 << 2,
  /** ASCII " or ' */
  asciiQuote: 1 << 3,
  /** Any bracket or quote that PUN-PAIR pairs. */
  bracket: 1 << 4,
  digit: 1 << 5,
  /** ０-９ Ａ-Ｚ ａ-ｚ */
  fullWidthAlnum: 1 << 6,
  fullWidthDigit: 1 << 7,
  /** U+0020, U+3000, U+00A0 */
  space: 1 << 8,
  invisible: 1 << 9,
  /** … or a run of two . 。 ． · */
  ellipsis: 1 << 10,
  /** — or a run of two - － ─ */
  dash: 1 << 11,
  /** ASCII - or ~ */
  hyphen: 1 << 12,
  /** Two adjacent marks of ，、；：。？！ */
  markPair: 1 << 13,
  /** 、 */
  dunhao: 1 << 14,
  /** Two or more colons (： or :). */
  colons: 1 << 15,
  /** 年 */
  nian: 1 << 16,
  /** 月 */
  yue: 1 << 17,
  /** 〇 or 零 */
  zero: 1 << 18,
  /** A digit followed by 届 次 中 大 */
  sessionDigit: 1 << 19,
  /** 号 */
  hao: 1 << 20,
  /** 届 */
  jie: 1 << 21,
  /** 几 */
  ji: 1 << 22,
  /** A C0 control, U+FFFE, U+FFFF or a surrogate (paired or not): XML 1.0 may refuse it. */
  xmlSuspect: 1 << 23,
} as const

const cache = new WeakMap<TextBlock, number>()

/** Flags each UTF-16 code unit contributes on its own, and which codes need a look at their neighbour. */
const flagsOf = new Uint32Array(0x10000)
const kindOf = new Uint8Array(0x10000)
const SESSION_CHAR = 2
const DOT = 3
const DASH = 4
const MARK = 5
const COLON = 6

function set(chars: string, flags: number, kind = 0): void {
  for (const ch of chars) {
    const code = ch.charCodeAt(0)
    flagsOf[code]! |= flags
    if (kind) kindOf[code] = kind
  }
}

// By ranges: a call of isHan for each of the 65 536 codes took milliseconds of every `wrs` command's start.
for (const [first, last] of hanBmpRanges) flagsOf.fill(F.han, first, last + 1)
flagsOf.fill(F.digit, 0x30, 0x3a)
flagsOf.fill(F.fullWidthAlnum | F.fullWidthDigit, 0xff10, 0xff1a)
flagsOf.fill(F.fullWidthAlnum, 0xff21, 0xff3b)
flagsOf.fill(F.fullWidthAlnum, 0xff41, 0xff5b)
set('年', F.nian)
set('月', F.yue)
set('零', F.zero)
set('〇', F.zero)
set('号', F.hao)
set('届', F.jie, SESSION_CHAR)
set('几', F.ji)
set('次中大', 0, SESSION_CHAR)
set(',;?!()', F.asciiPunct)
set(':', F.asciiPunct, COLON)
set('：', 0, COLON)
set('.', F.dot, DOT)
set('．·', 0, DOT)
set('…', F.ellipsis)
set('"\'', F.asciiQuote)
set(' \u3000\u00a0', F.space)
set('\t\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029', F.invisible)
for (let code = 0; code < 0x20; code++)
  if (code !== 0x09 && code !== 0x0a && code !== 0x0d) flagsOf[code]! |= F.xmlSuspect
flagsOf.fill(F.xmlSuspect, 0xd800, 0xe000)
flagsOf[0xfffe]! |= F.xmlSuspect
flagsOf[0xffff]! |= F.xmlSuspect
set('-~', F.hyphen)
set('-', 0, DASH)
set('－─', 0, DASH)
set('—', F.dash)
set('“”‘’（）()《》〈〉【】〔〕', F.bracket)
set('、', F.dunhao)
set('，、；。？！', 0, MARK)

export function featuresOf(block: TextBlock): number {
  const cached = cache.get(block)
  if (cached !== undefined) return cached
  const text = block.text
  let flags = 0
  let colons = 0
  let prev = -1
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    flags |= flagsOf[code]!
    const kind = kindOf[code]!
    if (kind !== 0) {
      if (kind === SESSION_CHAR) {
        if (prev >= 0x30 && prev <= 0x39) flags |= F.sessionDigit
      } else if (kind === DOT || kind === DASH) {
        if (prev === code) flags |= kind === DOT ? F.ellipsis : F.dash
      } else if (kind === COLON) {
        colons++
        if (code === 0xff1a && prev >= 0 && (kindOf[prev] === MARK || prev === 0xff1a)) flags |= F.markPair
      } else if (kind === MARK && prev >= 0 && (kindOf[prev] === MARK || prev === 0xff1a)) {
        // `。。` is also the start of a wrong ellipsis
        flags |= F.markPair
        if (code === 0x3002 && prev === code) flags |= F.ellipsis
      }
    }
    prev = code
  }
  if (colons >= 2) flags |= F.colons
  cache.set(block, flags)
  return flags
}

/** True when the block has every flag in `mask`. */
export function has(block: TextBlock, mask: number): boolean {
  return (featuresOf(block) & mask) === mask
}

/** True when the block has at least one flag in `mask`. */
export function hasAny(block: TextBlock, mask: number): boolean {
  return (featuresOf(block) & mask) !== 0
}
