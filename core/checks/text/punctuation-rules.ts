import type { Rule, TextBlock } from '../rule'
import { F, has, hasAny } from './block-features'
import { scanBrackets } from './bracket-scan'
import { isCheckedText } from './block-kinds'
import { HAN, isHan } from '../../report-language/han'
import { isAsciiDigit, isCjk, isLatinLetter } from './char-class'
import { rangeDropsUnit } from './number-patterns'
import { isProtected } from './protected-spans'
import { isEnabled, quote, replaceFix, textReporter } from './text-reporter'

const fullWidthOf: Record<string, string> = {
  ',': '，',
  '.': '。',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
}
const halfWidthCandidate = /[,.;:?!]/g
const leadingArabicMarker = /^\s*\d{1,2}$/
/** Text before the mark of a leading sequence number (`一.` `二,` `1,`): PUN-SEQ-MARK / TXT-SEQ-MIXED report it. */
const leadingNumber = /^[ \u3000]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})$/

function hasHan(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (isHan(text.charCodeAt(index))) return true
  return false
}

export const punHalfwidth: Rule = {
  id: 'PUN-HALFWIDTH',
  title: '半角标点',
  category: 'punctuation',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(punHalfwidth, context, report)
    const parenMixChecked = isEnabled(context, 'PUN-PAREN-MIX')
    const salutationChecked = isEnabled(context, 'TXT-SALUTATION')
    const sequenceChecked = isEnabled(context, 'PUN-SEQ-MARK') || isEnabled(context, 'TXT-SEQ-MIXED')
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !hasAny(block, F.asciiPunct | F.dot)) continue
      if (block.kind === 'salutation' && salutationChecked) continue
      const text = block.text
      const flag = (at: number, ch: string): void => {
        const right = fullWidthOf[ch]!
        emit(
          block,
          at,
          at + 1,
          `中文里用了半角“${ch}”，应改为全角“${right}”。`,
          replaceFix(`改为“${right}”`, block, [[at, at + 1, right]]),
        )
      }
      halfWidthCandidate.lastIndex = 0
      for (let match = halfWidthCandidate.exec(text); match; match = halfWidthCandidate.exec(text)) {
        const at = match.index
        const ch = match[0]
        const prev = text.charCodeAt(at - 1)
        const next = text.charCodeAt(at + 1)
        if (ch === '.') {
          if (prev === 0x2e || next === 0x2e) continue
          if (isAsciiDigit(next)) continue
          if (!isCjk(prev)) continue
        } else {
          if ((ch === ':' || ch === ',') && isAsciiDigit(prev) && isAsciiDigit(next)) continue
          if (!isCjk(prev) && !isCjk(next)) continue
        }
        if (ch === '.' && leadingArabicMarker.test(text.slice(0, at))) continue
        if ((ch === '.' || ch === ',') && sequenceChecked && at < 4 && leadingNumber.test(text.slice(0, at))) continue
        if (isProtected(block, at)) continue
        flag(at, ch)
      }
      if (text.indexOf('(') < 0 && text.indexOf(')') < 0) continue
      const scan = scanBrackets(block)
      const paired = new Set<number>()
      for (const [open, close] of scan.parenPairs) {
        paired.add(open)
        paired.add(close)
        const asciiOpen = text[open] === '('
        const asciiClose = text[close] === ')'
        if (!asciiOpen && !asciiClose) continue
        if (asciiOpen !== asciiClose && parenMixChecked) continue
        const chinese =
          hasHan(text, open + 1, close) || isCjk(text.charCodeAt(open - 1)) || isCjk(text.charCodeAt(close + 1))
        if (!chinese || isProtected(block, open, close + 1)) continue
        const edits: Array<[number, number, string]> = []
        if (asciiOpen) edits.push([open, open + 1, '（'])
        if (asciiClose) edits.push([close, close + 1, '）'])
        emit(
          block,
          open,
          close + 1,
          `中文里的括号“${quote(text.slice(open, close + 1))}”用了半角，应改为全角“（ ）”。`,
          replaceFix('改为全角括号', block, edits),
        )
      }
      for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
        if (
          !paired.has(at) &&
          (isCjk(text.charCodeAt(at - 1)) || isCjk(text.charCodeAt(at + 1))) &&
          !isProtected(block, at)
        )
          flag(at, '(')
      }
      for (let at = text.indexOf(')'); at >= 0; at = text.indexOf(')', at + 1)) {
        if (
          !paired.has(at) &&
          (isCjk(text.charCodeAt(at - 1)) || isCjk(text.charCodeAt(at + 1))) &&
          !isProtected(block, at)
        )
          flag(at, ')')
      }
    }
  },
}

const straightQuote = /["']/g

export const punStraightQuote: Rule = {
  id: 'PUN-STRAIGHT-QUOTE',
  title: '直引号',
  category: 'punctuation',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(punStraightQuote, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.asciiQuote | F.han)) continue
      let doubles = 0
      let singles = 0
      straightQuote.lastIndex = 0
      for (let match = straightQuote.exec(text); match; match = straightQuote.exec(text)) {
        const at = match.index
        if (isProtected(block, at)) continue
        if (match[0] === "'") {
          if (isLatinLetter(text.charCodeAt(at - 1)) && isLatinLetter(text.charCodeAt(at + 1))) continue
          const right = singles++ % 2 === 0 ? '‘' : '’'
          emit(
            block,
            at,
            at + 1,
            `中文里用了直引号“'”，应改为弯引号“${right}”。`,
            replaceFix(`改为“${right}”`, block, [[at, at + 1, right]]),
          )
        } else {
          const right = doubles++ % 2 === 0 ? '“' : '”'
          emit(
            block,
            at,
            at + 1,
            `中文里用了直引号“"”，应改为弯引号“${right}”。`,
            replaceFix(`改为“${right}”`, block, [[at, at + 1, right]]),
          )
        }
      }
    }
  },
}

/** Multi-paragraph quotation (docs/text-rules.md §C PUN-PAIR): each paragraph opens with “ and only the last one closes. */
function continuesQuotation(block: TextBlock, next: TextBlock | undefined, unmatched: number[]): boolean {
  if (!next || !block.text.startsWith('“') || !next.text.startsWith('“')) return false
  return unmatched.every(offset => block.text[offset] === '“')
}

const openers = '“‘（《〔【〈('
const closersOf: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '（': '）',
  '《': '》',
  '〔': '〕',
  '【': '】',
  '〈': '〉',
  '(': ')',
}
const cutEnd = /[^。！？…；：”’）》」』!?.;:\s]$/

/**
 * A paragraph cut mid-sentence by a newspaper column (`以“亮委员身份，尽委员责任，展` / `委员风采”为主题…`): its open
 * marks close at the start of the next paragraph. TXT-TRUNC already says to join the two; once joined the pairs match.
 */
function pairsAcrossCut(block: TextBlock, next: TextBlock | undefined, unmatched: number[]): boolean {
  if (!next || block.kind !== 'paragraph' || next.kind !== 'paragraph' || !cutEnd.test(block.text)) return false
  if (!unmatched.every(offset => openers.includes(block.text[offset]!))) return false
  const closing = scanBrackets(next).unmatched
  if (closing.length !== unmatched.length) return false
  return unmatched.every(
    (offset, position) => next.text[closing[unmatched.length - 1 - position]!] === closersOf[block.text[offset]!],
  )
}

export const punPair: Rule = {
  id: 'PUN-PAIR',
  title: '引号括号不成对',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punPair, context, report)
    const blocks = context.blocks
    let joined: TextBlock | undefined
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!
      if (!isCheckedText(block)) continue
      const scan = scanBrackets(block)
      if (scan.unmatched.length === 0) continue
      if (block === joined) continue
      let next: TextBlock | undefined
      // a footnote's text stands alone; the body's quotations run on past footnotes, not into them
      for (let look = index + 1; look < blocks.length && block.kind !== 'footnote'; look++) {
        if (isCheckedText(blocks[look]!) && blocks[look]!.kind !== 'footnote') {
          next = blocks[look]
          break
        }
      }
      if (continuesQuotation(block, next, scan.unmatched)) continue
      if (pairsAcrossCut(block, next, scan.unmatched)) {
        joined = next
        continue
      }
      for (const offset of scan.unmatched) {
        const ch = block.text[offset]!
        emit(block, offset, offset + 1, `“${ch}”没有配对的另一半，请补全或删去。`)
      }
    }
  },
}

export const punNest: Rule = {
  id: 'PUN-NEST',
  title: '引号书名号嵌套',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punNest, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block)) continue
      for (const [open, close] of scanBrackets(block).nested) {
        const isQuote = block.text[open] === '“'
        emit(
          block,
          open,
          close + 1,
          isQuote ? '引号里又用了双引号，里层应改用单引号‘ ’。' : '书名号里又用了书名号，里层应改用单书名号〈 〉。',
        )
      }
    }
  },
}

export const punParenMix: Rule = {
  id: 'PUN-PAREN-MIX',
  title: '括号全半角混用',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punParenMix, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block)) continue
      for (const [open, close] of scanBrackets(block).mixed) {
        emit(
          block,
          open,
          close + 1,
          `括号“${quote(block.text.slice(open, close + 1))}”前后半边宽度不同，中文里应都用全角“（ ）”。`,
        )
      }
    }
  },
}

const badEllipsis = /\.{3,}|。{3,}|．{3,}|·{3,}|…+/g

export const punEllipsis: Rule = {
  id: 'PUN-ELLIPSIS',
  title: '省略号形式',
  category: 'punctuation',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(punEllipsis, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.ellipsis)) continue
      badEllipsis.lastIndex = 0
      for (let match = badEllipsis.exec(text); match; match = badEllipsis.exec(text)) {
        const found = match[0]
        if (found === '……') continue
        if (found[0] === '.' && isProtected(block, match.index, match.index + found.length)) continue
        const from = match.index
        emit(
          block,
          from,
          from + found.length,
          `省略号写成了“${found}”，应为六个点的“……”。`,
          replaceFix('改为“……”', block, [[from, from + found.length, '……']]),
        )
      }
    }
  },
}

const ellipsisDeng = /……(?:等等|等|之类)/g

export const punEllipsisDeng: Rule = {
  id: 'PUN-ELLIPSIS-DENG',
  title: '省略号与“等”连用',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punEllipsisDeng, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.ellipsis) || block.text.indexOf('……') < 0) continue
      ellipsisDeng.lastIndex = 0
      for (let match = ellipsisDeng.exec(block.text); match; match = ellipsisDeng.exec(block.text)) {
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `省略号“……”和“${match[0].slice(2)}”不能同时使用，请删去其中之一。`,
        )
      }
    }
  },
}

const badDash = new RegExp(`-{2,}|－{2,}|─{2,}|—{3,}|(?<=${HAN})—(?=${HAN})`, 'g')

export const punDash: Rule = {
  id: 'PUN-DASH',
  title: '破折号形式',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punDash, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.dash)) continue
      badDash.lastIndex = 0
      for (let match = badDash.exec(block.text); match; match = badDash.exec(block.text)) {
        const found = match[0]
        const from = match.index
        if (found[0] === '-' && isProtected(block, from, from + found.length)) continue
        if (found === '—') {
          emit(
            block,
            from,
            from + 1,
            '两个词之间只有一个“—”：作破折号应写成“——”；若表示起止范围可以保留。',
            undefined,
            'warning',
          )
        } else {
          emit(block, from, from + found.length, `破折号写成了“${found}”，应为两个占一格的“——”。`)
        }
      }
    }
  },
}

const asciiRange = new RegExp(
  `(?<![\\d.])\\d+(?:\\.\\d+)?[%％]?-\\d+(?:\\.\\d+)?(?=[%％年月日号万亿元个家人次件项条名天岁倍])|(?<=${HAN})-(?=${HAN})|(?<=\\d[%％]?)~(?=\\d)`,
  'g',
)

export const punConnector: Rule = {
  id: 'PUN-CONNECTOR',
  title: '连接号',
  category: 'punctuation',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punConnector, context, report)
    const rangeUnitChecked = isEnabled(context, 'NUM-RANGE-UNIT')
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.hyphen)) continue
      asciiRange.lastIndex = 0
      for (let match = asciiRange.exec(text); match; match = asciiRange.exec(text)) {
        const found = match[0]
        const at = match.index + Math.max(found.indexOf('-'), found.indexOf('~'))
        if (isProtected(block, match.index, match.index + found.length)) continue
        if (rangeUnitChecked && rangeDropsUnit(text, match.index)) continue
        emit(block, at, at + 1, `表示起止范围应使用“—”或“～”，不用“${text[at]}”（如“2021—2025年”“3%～5%”）。`)
      }
    }
  },
}

const repeatedMarks = /([，、；：])\1+|(?<!。)。。(?!。)|[，、；：][。！？]|。[，、；]|[？！]{2,}/g

export const punRepeat: Rule = {
  id: 'PUN-REPEAT',
  title: '标点重复',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punRepeat, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.markPair)) continue
      repeatedMarks.lastIndex = 0
      for (let match = repeatedMarks.exec(block.text); match; match = repeatedMarks.exec(block.text)) {
        emit(block, match.index, match.index + match[0].length, `标点“${match[0]}”重复或连用，请只保留一个。`)
      }
    }
  },
}

const quoteDunhao = /”、“|》、《/g

export const punQuoteDunhao: Rule = {
  id: 'PUN-QUOTE-DUNHAO',
  title: '引号书名号间的顿号',
  category: 'punctuation',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punQuoteDunhao, context, report)
    for (const block of context.blocks) {
      if (
        !isCheckedText(block) ||
        !has(block, F.dunhao | F.bracket) ||
        (block.text.indexOf('”、“') < 0 && block.text.indexOf('》、《') < 0)
      )
        continue
      quoteDunhao.lastIndex = 0
      for (let match = quoteDunhao.exec(block.text); match; match = quoteDunhao.exec(block.text)) {
        const kind = match[0][0] === '”' ? '引号' : '书名号'
        emit(block, match.index + 1, match.index + 2, `并列的${kind}之间通常不用顿号，请删去“、”。`)
      }
    }
  },
}

const dunhaoDeng = /、(?=等(?![级待同候于额量价号次第]))/g

export const punDunhaoDeng: Rule = {
  id: 'PUN-DUNHAO-DENG',
  title: '顿号后接“等”',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punDunhaoDeng, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.dunhao) || block.text.indexOf('、等') < 0) continue
      dunhaoDeng.lastIndex = 0
      for (let match = dunhaoDeng.exec(block.text); match; match = dunhaoDeng.exec(block.text)) {
        emit(block, match.index, match.index + 1, '“等”前面不用顿号，请删去“、”。')
      }
    }
  },
}

const headingEnd = /[。，；：]\s*$/

export const punHeadEnd: Rule = {
  id: 'PUN-HEAD-END',
  title: '标题末尾标点',
  category: 'punctuation',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punHeadEnd, context, report)
    for (const block of context.blocks) {
      if (block.kind !== 'heading' || block.runIn) continue
      const match = headingEnd.exec(block.text)
      if (!match) continue
      emit(
        block,
        match.index,
        match.index + 1,
        `单独成行的标题末尾不用“${match[0][0]}”，请删去（后接正文的段首标题除外）。`,
      )
    }
  },
}

const titlePunctuation = /[，。；：？！,.;:?!…—～]/g

export const punTitle: Rule = {
  id: 'PUN-TITLE',
  title: '标题中的标点',
  category: 'punctuation',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punTitle, context, report)
    for (const block of context.blocks) {
      if (block.kind !== 'title') continue
      titlePunctuation.lastIndex = 0
      for (let match = titlePunctuation.exec(block.text); match; match = titlePunctuation.exec(block.text)) {
        emit(
          block,
          match.index,
          match.index + 1,
          `报告标题一般不用标点，请删去“${match[0]}”（书名号、引号、顿号、间隔号和括号除外）。`,
        )
      }
    }
  },
}

const colonScan = /[：:“”。！？!?]/g

export const punColonNest: Rule = {
  id: 'PUN-COLON-NEST',
  title: '冒号套用',
  category: 'punctuation',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punColonNest, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.colons)) continue
      let colons = 0
      let depth = 0
      colonScan.lastIndex = 0
      for (let match = colonScan.exec(text); match; match = colonScan.exec(text)) {
        const ch = match[0]
        const at = match.index
        if (ch === '“') depth++
        else if (ch === '”') depth = Math.max(0, depth - 1)
        else if (depth > 0) continue
        else if (ch === '：' || ch === ':') {
          if (ch === ':' && isAsciiDigit(text.charCodeAt(at - 1)) && isAsciiDigit(text.charCodeAt(at + 1))) continue
          if (++colons === 2) emit(block, at, at + 1, '一句话里用了两个冒号，请改写，或把第二个冒号改为逗号。')
        } else colons = 0
      }
    }
  },
}

export const punctuationRules: Rule[] = [
  punHalfwidth,
  punStraightQuote,
  punPair,
  punNest,
  punParenMix,
  punEllipsis,
  punEllipsisDeng,
  punDash,
  punConnector,
  punRepeat,
  punQuoteDunhao,
  punDunhaoDeng,
  punHeadEnd,
  punTitle,
  punColonNest,
]
