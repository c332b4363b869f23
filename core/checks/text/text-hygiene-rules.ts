import type { Rule, TextBlock } from '../rule'
import { F, has } from './block-features'
import { isHan } from '../../report-language/han'
import { isByline, isPhotoCredit, trailingBylineStart } from '../../report-language/newspaper'
import { isBodyParagraph, isCheckedText } from './block-kinds'
import { isCjk, isCjkPunctuation } from './char-class'
import { reportFullWidth } from './number-rules'
import { parseLiteralMarker } from './sequence-scan'
import { quote, replaceFix, textReporter } from './text-reporter'
import { codePointName, xmlInvalidChar } from '../../xml-char'

/** A byline or photo credit of a newspaper page (`记者 景静`, `邵阳 摄`): not a sentence. */
function isNewsCredit(text: string): boolean {
  return isByline(text) || isPhotoCredit(text)
}

/** Function characters that are a typo when doubled (`的的`, `了了`); `等等` has its own test. */
const functionChars = new Set(Array.from('的了是在和对把被将从为以并也都就而与及', ch => ch.charCodeAt(0)))
const DENG = '等'.charCodeAt(0)
/** Words ending in the doubled character (`目的的`, `为了了解`): the pair is two words, not a typo. */
const wordsEnding = new Set(
  [
    '目的 为了 除了 到了 但是 还是 就是 正是 总是 凡是 于是 可是 只是 也是 都是 实在 现在 正在 存在 内在 所在 自在 总和 温和 缓和 调和 平和 饱和 针对 面对',
    '应对 相对 绝对 核对 比对 反对 作为 行为 认为 成为 因为 以为 称为 视为 更为 较为 广为 所以 可以 难以 予以 得以 加以 足以 给以 借以 合并 兼并 即将 必将',
    '服从 遵从 自从 成就 造就 从而 进而 因而 然而 反而 继而 参与 给与 以及 涉及 普及 危及 惠及 波及 顾及 首都 古都',
  ]
    .join(' ')
    .split(' '),
)
/** Words starting with the doubled character (`对对方`, `就就业`). */
const wordsStarting = new Set(
  [
    '的确 了解 了结 是否 在建 在职 在校 在岗 在于 在编 和平 和谐 和睦 对方 对象 对口 对外 对接 对标 对照 对话 对策 对于 对比 对待 把关 把握 被告 被动 将来',
    '将近 从事 从严 从业 从而 从来 从中 从小 为民 为主 为此 为了 以案 以上 以下 以及 以来 以便 以后 以前 以往 以为 并且 并重 并举 并存 也许 都市 都会 就业',
    '就医 就近 就地 就是 就学 而且 而是 与会 与其 及时 及早',
  ]
    .join(' ')
    .split(' '),
)
const reduplications = ['的的确确', '是是非非', '和和美美', '从从容容', '将将就就', '为为难难']
/** Real reduplications, and noun + verb pairs (`人大代表代表人民`, `党组织组织党员`). */
const repeatedWordAllowed = new Set([
  '研究研究',
  '学习学习',
  '讨论讨论',
  '商量商量',
  '考虑考虑',
  '检查检查',
  '了解了解',
  '代表代表',
  '领导领导',
  '组织组织',
  '指导指导',
])

function isHanRun(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isHan(text.charCodeAt(index))) return false
  return true
}

/**
 * A 2–6-character word written twice in a row (`进一步进一步`) starting at `at`: returns its size or 0.
 * Char-code comparisons only, so the scan allocates nothing per character.
 */
function repeatedWordAt(text: string, at: number, first: number): number {
  for (let size = 6; size >= 2; size--) {
    if (at + 2 * size > text.length || text.charCodeAt(at + size) !== first) continue
    let same = true
    for (let k = 1; k < size && same; k++) same = text.charCodeAt(at + k) === text.charCodeAt(at + size + k)
    if (same && isHanRun(text, at, at + size) && !repeatedWordAllowed.has(text.slice(at, at + 2 * size))) return size
  }
  return 0
}

export const txtDupChar: Rule = {
  id: 'TXT-DUPCHAR',
  title: '重复字词',
  category: 'text',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtDupChar, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block)) continue
      const length = text.length
      for (let at = 0; at < length - 1; at++) {
        const code = text.charCodeAt(at)
        if (code < 0x4e00 || code > 0x9fff) continue
        if (code !== text.charCodeAt(at + 1)) {
          if (code === 0x4e00 || at >= length - 3) continue
          const size = repeatedWordAt(text, at, code)
          if (size === 0) continue
          emit(block, at, at + 2 * size, `“${text.slice(at, at + size)}”连续出现了两次，请删去重复的部分。`)
          at += 2 * size - 1
          continue
        }
        if (code === DENG) {
          const clauseStart = Math.max(
            text.lastIndexOf('。', at),
            text.lastIndexOf('，', at),
            text.lastIndexOf('；', at),
          )
          if (text.charCodeAt(at + 2) !== DENG && text.slice(clauseStart + 1, at).includes('、')) {
            at++
            continue
          }
          emit(block, at, at + 2, '“等等”重复，请删去一个“等”。')
          at++
          continue
        }
        if (!functionChars.has(code)) continue
        const ch = text[at]!
        if (wordsEnding.has(text[at - 1] + ch) || wordsStarting.has(ch + (text[at + 2] ?? ''))) continue
        if (reduplications.some(word => text.startsWith(word, at) || text.startsWith(word, at - 2))) continue
        emit(block, at, at + 2, `“${ch}${ch}”重复，请删去一个“${ch}”。`)
        at++
      }
    }
  },
}

function trimEnd(text: string): string {
  let end = text.length
  while (end > 0) {
    const code = text.charCodeAt(end - 1)
    if (code !== 0x20 && code !== 0x3000 && code !== 0xa0 && code !== 0x0a && code !== 0x09 && code !== 0x0d) break
    end--
  }
  return end === text.length ? text : text.slice(0, end)
}

const sentenceEnd = '。！？…!?.'
const closers = '”’）》」』)"\''
const dateLine = /^[（(][^（）()]*[）)]$/

function nextCheckedBlock(blocks: TextBlock[], index: number): TextBlock | undefined {
  for (let look = index + 1; look < blocks.length; look++)
    if (blocks[look]!.kind !== 'guidance' && blocks[look]!.kind !== 'footnote' && blocks[look]!.text.trim())
      return blocks[look]
  return undefined
}

/** `主要预期目标是：` introduces whatever follows (headings, a list, a table or the paragraph of targets); a column cut
 * right after a colon with text still to come is too rare to call every lead-in an error. Only a colon with nothing after it is cut. */
function isLeadInTarget(block: TextBlock | undefined): boolean {
  return block !== undefined
}

export const txtTrunc: Rule = {
  id: 'TXT-TRUNC',
  title: '段落不完整',
  category: 'text',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtTrunc, context, report)
    const blocks = context.blocks
    for (let index = 0; index < blocks.length; index++) {
      const block = blocks[index]!
      if (!isBodyParagraph(block)) continue
      let text = trimEnd(block.text)
      if (!text) continue
      const mayHaveByline = text.indexOf('记者') >= 0 || text.indexOf('通讯员') >= 0 || text.indexOf('摄') >= 0
      if (text.length < 40 && ((mayHaveByline && isNewsCredit(text)) || dateLine.test(text.trim()))) continue
      const byline = mayHaveByline ? trailingBylineStart(text) : -1
      if (byline === 0) continue
      // `一、坚持党的领导` typed as a paragraph is a heading without its style, not a cut sentence
      if (text.length <= 40 && !/[。！？；，]/.test(text) && parseLiteralMarker(text)) continue
      if (byline > 0) text = trimEnd(text.slice(0, byline))
      let end = text.length - 1
      while (end > 0 && closers.includes(text[end]!)) end--
      const last = text[end]!
      if (sentenceEnd.includes(last) && (end < text.length - 1 || !closers.includes(last))) continue
      if ((last === '：' || last === ':') && end === text.length - 1 && isLeadInTarget(nextCheckedBlock(blocks, index)))
        continue
      emit(
        block,
        text.length - 1,
        text.length,
        `这一段在“${quote(text.slice(Math.max(0, text.length - 8)), 8)}”处结束，没有句末标点，可能被截断了（常见于从报纸分栏复制的文字）。请补全句子或与下文合并。`,
      )
    }
  },
}

const spaceRun = /[ \u3000\u00a0]+/g

function isAlignedName(text: string, from: number, to: number): boolean {
  return (
    isHan(text.charCodeAt(from - 1)) &&
    !isHan(text.charCodeAt(from - 2)) &&
    isHan(text.charCodeAt(to)) &&
    !isHan(text.charCodeAt(to + 1))
  )
}

export const txtSpace: Rule = {
  id: 'TXT-SPACE',
  title: '多余空格',
  category: 'text',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtSpace, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || block.kind === 'speaker' || !has(block, F.space)) continue
      const mayHaveByline = text.indexOf('记者') >= 0 || text.indexOf('通讯员') >= 0 || text.indexOf('摄') >= 0
      if (mayHaveByline && text.length < 40 && isNewsCredit(text)) continue
      const byline = mayHaveByline ? trailingBylineStart(text) : -1
      spaceRun.lastIndex = 0
      for (let match = spaceRun.exec(text); match; match = spaceRun.exec(text)) {
        const from = match.index
        const to = from + match[0].length
        if (byline >= 0 && from >= byline) continue
        const prev = text.charCodeAt(from - 1)
        const next = text.charCodeAt(to)
        if (from === 0 || prev === 0x0a) {
          if (to < text.length) emit(block, from, to, '段首用空格缩进，请删去空格（首行缩进由版式自动完成）。')
          continue
        }
        if (isHan(prev) && isHan(next)) {
          if (isAlignedName(text, from, to)) continue
          emit(block, from, to, '汉字之间多了空格，请删去。')
        } else if (isCjkPunctuation(prev) || isCjkPunctuation(next)) {
          emit(block, from, to, '中文标点前后多了空格，请删去。')
        }
      }
    }
  },
}

const invisible = /[\u200b-\u200d\u2060\ufeff\u00ad\t\u2028\u2029]+/g
const invisibleNames: Record<string, string> = {
  '\u200b': '零宽空格',
  '\u200c': '零宽非连接符',
  '\u200d': '零宽连接符',
  '\u2060': '零宽不换行符',
  '\ufeff': '字节顺序标记',
  '\u00ad': '软连字符',
  '\t': '制表符',
  '\u2028': '行分隔符',
  '\u2029': '段分隔符',
}

export const txtInvisible: Rule = {
  id: 'TXT-INVISIBLE',
  title: '不可见字符',
  category: 'text',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(txtInvisible, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (block.kind === 'guidance' || !has(block, F.invisible)) continue
      invisible.lastIndex = 0
      for (let match = invisible.exec(text); match; match = invisible.exec(text)) {
        const from = match.index
        const to = from + match[0].length
        const prev = text.charCodeAt(from - 1)
        const next = text.charCodeAt(to)
        const keepGap = match[0].includes('\t') && from > 0 && to < text.length && !isCjk(prev) && !isCjk(next)
        const replacement = keepGap ? ' ' : ''
        const name = invisibleNames[match[0][0]!] ?? '不可见字符'
        emit(
          block,
          from,
          to,
          `文字中夹有看不见的${name}（多来自复制粘贴），请删除。`,
          replaceFix('删除不可见字符', block, [[from, to, replacement]]),
        )
      }
    }
  },
}

export const txtXmlChar: Rule = {
  id: 'TXT-XML-CHAR',
  title: '无效字符',
  category: 'text',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(txtXmlChar, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!has(block, F.xmlSuspect)) continue
      xmlInvalidChar.lastIndex = 0
      for (let match = xmlInvalidChar.exec(text); match; match = xmlInvalidChar.exec(text)) {
        const from = match.index
        const to = from + match[0].length
        emit(
          block,
          from,
          to,
          `文字中夹有 ${codePointName(match[0])} 这样的无效字符（多来自损坏的文件或转换工具），Word 文档不能含有它，导出时会被略去。请删除。`,
          replaceFix('删除无效字符', block, [[from, to, '']]),
        )
      }
    }
  },
}

export const txtDigitMix: Rule = {
  id: 'TXT-DIGIT-MIX',
  title: '全半角数字混用',
  category: 'text',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(txtDigitMix, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.digit | F.fullWidthDigit)) continue
      reportFullWidth(block, emit, true)
    }
  },
}

export const txtTerms: Rule = {
  id: 'TXT-TERMS',
  title: '规范用语',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const terms = context.report.checks.terms
    if (!terms.length) return
    const emit = textReporter(txtTerms, context, report)
    const shifts = terms.map(({ wrong, right }) => {
      const inside: number[] = []
      for (let at = right.indexOf(wrong); at >= 0; at = right.indexOf(wrong, at + 1)) inside.push(at)
      return inside
    })
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block)) continue
      terms.forEach(({ wrong, right }, index) => {
        for (let at = text.indexOf(wrong); at >= 0; at = text.indexOf(wrong, at + wrong.length)) {
          if (shifts[index]!.some(shift => at - shift >= 0 && text.startsWith(right, at - shift))) continue
          emit(block, at, at + wrong.length, `“${wrong}”应写作“${right}”（本报告的规范用语表）。`)
        }
      })
    }
  },
}

export const textHygieneRules: Rule[] = [
  txtDupChar,
  txtTrunc,
  txtSpace,
  txtInvisible,
  txtXmlChar,
  txtDigitMix,
  txtTerms,
]
