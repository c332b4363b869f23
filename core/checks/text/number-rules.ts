import { parseChineseNumeral } from '../../numbering'
import type { Rule, TextBlock } from '../rule'
import { F, has, hasAny } from './block-features'
import { isCheckedText } from './block-kinds'
import { HAN } from '../../report-language/han'
import { badYearZeros, rangeDropsUnitGlobal } from './number-patterns'
import { isProtected } from './protected-spans'
import { isEnabled, quote, replaceFix, textReporter } from './text-reporter'

const fullWidthRun = /[０-９Ａ-Ｚａ-ｚ]+(?:．[０-９]+)*/g

function toHalfWidth(text: string): string {
  let out = ''
  for (const ch of text) out += ch === '．' ? '.' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)
  return out
}

/** The NUM-FULLWIDTH findings of a block (shared with TXT-DIGIT-MIX). */
export function reportFullWidth(
  block: TextBlock,
  emit: (block: TextBlock, from: number, to: number, message: string, fix: ReturnType<typeof replaceFix>) => void,
  mixed: boolean,
): void {
  const text = block.text
  const zeros = text.indexOf('年') >= 0 ? badYearZeros(text) : []
  fullWidthRun.lastIndex = 0
  for (let match = fullWidthRun.exec(text); match; match = fullWidthRun.exec(text)) {
    const run = match[0]
    const from = match.index
    if (zeros.includes(from) && run === '０') continue
    const right = toHalfWidth(run)
    const message = mixed
      ? `同一段里全角数字和半角数字混用：“${run}”应改为半角“${right}”。`
      : `“${run}”用了全角数字或字母，应改为半角“${right}”。`
    emit(
      block,
      from,
      from + run.length,
      message,
      replaceFix(`改为“${right}”`, block, [[from, from + run.length, right]]),
    )
  }
}

export const numFullwidth: Rule = {
  id: 'NUM-FULLWIDTH',
  title: '全角数字',
  category: 'number',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(numFullwidth, context, report)
    const digitMixChecked = isEnabled(context, 'TXT-DIGIT-MIX')
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.fullWidthAlnum)) continue
      if (digitMixChecked && has(block, F.digit | F.fullWidthDigit)) continue
      reportFullWidth(block, emit, false)
    }
  },
}

/** A number in a session ordinal; which ones are ordinals is decided in code (one regex starting at a digit). */
const sessionCandidate = /(第|党的)?(?<![\d０-９.])(\d+)(届|次(?:全体|主任|常务委员会|常委会)?会议|中全会|大)/g
const afterDa = /^(?:精神|报告|以来|代表|召开|胜利|部署)/
const beforeSessionCount = /届(?:全国|省|市|区|县)?(?:人大|政协|人民代表大会|委员会|常委会)?$/
/** The name a 届 ordinal belongs to runs to the first 会 or 议 (`人民代表大会`, `亚运会`); only political bodies count. */
const termName = /^[^，。；：、！？（）“”‘’《》\s]{0,16}?[会议]|^[^，。；：、！？（）“”‘’《》\s]{0,16}/
const politicalBody = /人大|政协|代表大会|委员会|常委会|党代会|全会|会议|人民政府|[党纪区市县省州]委/

function isSessionOrdinal(text: string, match: RegExpExecArray): boolean {
  const [found, prefix, digits, tail] = match
  if (tail === '届') {
    // `杭州第19届亚运会`, `第135届广交会` are event names written as their organisers write them.
    if (digits!.length > 2) return false
    const after = text.slice(match.index + found.length, match.index + found.length + 16)
    return (
      politicalBody.test(termName.exec(after)![0]) ||
      /(?:人大|政协)\S{0,4}$/.test(text.slice(Math.max(0, match.index - 6), match.index))
    )
  }
  if (tail === '中全会') return true
  if (tail === '大')
    return prefix === '党的' || afterDa.test(text.slice(match.index + found.length, match.index + found.length + 2))
  if (prefix === '第') return true
  return beforeSessionCount.test(text.slice(Math.max(0, match.index - 10), match.index))
}

export const numSession: Rule = {
  id: 'NUM-SESSION',
  title: '届次用阿拉伯数字',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numSession, context, report)
    const subtitleChecked = isEnabled(context, 'TXT-SUBTITLE')
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.sessionDigit)) continue
      if (block.kind === 'subtitle' && subtitleChecked) continue
      sessionCandidate.lastIndex = 0
      for (let match = sessionCandidate.exec(block.text); match; match = sessionCandidate.exec(block.text)) {
        if (!isSessionOrdinal(block.text, match)) continue
        const from = match[1] === '党的' ? match.index + 2 : match.index
        emit(
          block,
          from,
          match.index + match[0].length,
          `届次、会议次序“${block.text.slice(from, match.index + match[0].length)}”应使用汉字数字（如“第十七届”“第三次会议”“二十大”）。`,
        )
      }
    }
  },
}

const twoDigitYear = /(?<![\d０-９.\-/])\d{2}年(?!代|级)/g
/** Before a year: start, punctuation, space or a preposition (`在24年`, `，24年`). */
const yearBefore = /(?:^|[，。；：、！？“（\s—～]|在|于|到|至|自|从|截至|截止)$/
/** After a year: a month or a part of the year (`24年3月`, `24年底`). */
const yearAfter = /^(?:\d{1,2}月|[一二三四五六七八九十]{1,2}月|[度底初末中]|上半年|下半年|全年|以来|是|，|。|$)/

const twoChineseDigitYear =
  /(?<![一二三四五六七八九十百千万〇零两第0OoＯ０])[一二][〇零一二三四五六七八九]年(?![代级来间内里多余前后以的中])/g
const digitOrder = '〇一二三四五六七八九'

export const numYearFull: Rule = {
  id: 'NUM-YEAR-FULL',
  title: '年份不全',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numYearFull, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.nian)) continue
      twoDigitYear.lastIndex = 0
      for (let match = twoDigitYear.exec(text); match; match = twoDigitYear.exec(text)) {
        // `工作30年`, `成立75年` are durations: only a year-like position counts.
        if (!yearBefore.test(text.slice(Math.max(0, match.index - 2), match.index))) continue
        if (!yearAfter.test(text.slice(match.index + 3, match.index + 6))) continue
        if (isProtected(block, match.index)) continue
        emit(block, match.index, match.index + 3, `年份“${match[0]}”应写全称（如“2024年”），不能简写为两位数。`)
      }
      twoChineseDigitYear.lastIndex = 0
      for (let match = twoChineseDigitYear.exec(text); match; match = twoChineseDigitYear.exec(text)) {
        const first = digitOrder.indexOf(match[0][0]!)
        const second = digitOrder.indexOf(match[0][1]!.replace('零', '〇'))
        if (second === first + 1) continue
        emit(block, match.index, match.index + 3, `年份“${match[0]}”应写全称（如“二〇二四年”或“2024年”）。`)
      }
    }
  },
}

const paddedDate = /(?<=\d{2,4}年)0(?=[1-9]月)|(?<=\d{1,2}月)0(?=[1-9]日)|(?<![\d年])0(?=[1-9]月\d{1,2}日)/g

export const numDatePad: Rule = {
  id: 'NUM-DATE-PAD',
  title: '日期多余的0',
  category: 'number',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(numDatePad, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.digit | F.yue) || text.indexOf('0') < 0) continue
      paddedDate.lastIndex = 0
      for (let match = paddedDate.exec(text); match; match = paddedDate.exec(text)) {
        const from = match.index
        const unit = text[from + 2] === '月' ? '月' : '日'
        emit(
          block,
          from,
          from + 2,
          `日期中的${unit}份“${text.slice(from, from + 2)}”不编虚位，应写“${text[from + 1]}${unit}”。`,
          replaceFix('删去多余的0', block, [[from, from + 1, '']]),
        )
      }
    }
  },
}

const mixedDate =
  /[〇零一二三四五六七八九]{4}年\d{1,2}月|\d{4}年(?:十[一二]?|[一二三四五六七八九])月|\d{1,2}月(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日|(?:十[一二]?|[一二三四五六七八九])月\d{1,2}日/g

export const numDateMix: Rule = {
  id: 'NUM-DATE-MIX',
  title: '日期数字混用',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numDateMix, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.yue)) continue
      mixedDate.lastIndex = 0
      for (let match = mixedDate.exec(text); match; match = mixedDate.exec(text)) {
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `日期“${match[0]}”混用了汉字数字和阿拉伯数字，应统一（如“2024年1月”或“二〇二四年一月”）。`,
        )
      }
    }
  },
}

const quantityZero = /(?<=[千百万亿])〇(?=[一二三四五六七八九十])/g

export const numZero: Rule = {
  id: 'NUM-ZERO',
  title: '〇与零',
  category: 'number',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const emit = textReporter(numZero, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block)) continue
      if (has(block, F.nian)) {
        for (const at of badYearZeros(text)) {
          emit(
            block,
            at,
            at + 1,
            `汉字数字年份中的“${text[at]}”应写作“〇”。`,
            replaceFix('改为“〇”', block, [[at, at + 1, '〇']]),
          )
        }
      }
      if (!has(block, F.zero) || text.indexOf('〇') < 0) continue
      quantityZero.lastIndex = 0
      for (let match = quantityZero.exec(text); match; match = quantityZero.exec(text)) {
        emit(
          block,
          match.index,
          match.index + 1,
          '数量中的“〇”应写作“零”（如“三千零五十二”）。',
          replaceFix('改为“零”', block, [[match.index, match.index + 1, '零']]),
        )
      }
    }
  },
}

export const numRangeUnit: Rule = {
  id: 'NUM-RANGE-UNIT',
  title: '范围省略单位',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numRangeUnit, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.digit)) continue
      rangeDropsUnitGlobal.lastIndex = 0
      for (let match = rangeDropsUnitGlobal.exec(block.text); match; match = rangeDropsUnitGlobal.exec(block.text)) {
        if (isProtected(block, match.index, match.index + match[0].length)) continue
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `数值范围“${match[0]}”的前一个数也要带单位或百分号（如“9亿～16亿”“15%～30%”）。`,
        )
      }
    }
  },
}

const approxDunhao =
  /([一二三四五六七八九])、([一二三四五六七八九十])(?=[十百千万]?(?:个|天|年|人|次|名|倍|月|周|岁|家|件|项|条|种|位|本|元|米|公里))/g
const approxWhitelist = ['二、三产业', '一、二线', '三、四线', '一、二类']

export const numApproxDunhao: Rule = {
  id: 'NUM-APPROX-DUNHAO',
  title: '概数用顿号',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numApproxDunhao, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.dunhao)) continue
      approxDunhao.lastIndex = 0
      for (let match = approxDunhao.exec(text); match; match = approxDunhao.exec(text)) {
        if (match.index === 0 || /[。；：！？\n]/.test(text[match.index - 1]!)) continue
        if (approxWhitelist.some(word => text.startsWith(word, match!.index))) continue
        const first = parseChineseNumeral(match[1]!)!
        const second = parseChineseNumeral(match[2]!)!
        if (second !== first + 1) continue
        emit(
          block,
          match.index + 1,
          match.index + 2,
          `相邻两个数字连用表示概数（“${match[1]}${match[2]}”），中间不用顿号。`,
        )
      }
    }
  },
}

const approxArabic = /(?<![\d.])\d+几|(?<![\d.])(\d)、(\d)(?=[个天年人次名倍月周岁家件项条种位])/g

export const numApproxArabic: Rule = {
  id: 'NUM-APPROX-ARABIC',
  title: '概数用阿拉伯数字',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numApproxArabic, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.digit) || !hasAny(block, F.ji | F.dunhao)) continue
      approxArabic.lastIndex = 0
      for (let match = approxArabic.exec(text); match; match = approxArabic.exec(text)) {
        if (match[1] && Number(match[2]) !== Number(match[1]) + 1) continue
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `概数“${match[0]}”应使用汉字数字（如“二十几个”“三四个月”）。`,
        )
      }
    }
  },
}

// 千米/千克/千瓦/千伏/百帕… are units (kilo-, hecto-), not the numeral 千.
const mixedNumber = /(?<![\d.])\d+(?:\.\d+)?[十百千](?![米克瓦伏帕焦赫卡升牛])/g

export const numMixed: Rule = {
  id: 'NUM-MIXED',
  title: '数字与十百千混写',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numMixed, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.digit)) continue
      mixedNumber.lastIndex = 0
      for (let match = mixedNumber.exec(block.text); match; match = mixedNumber.exec(block.text)) {
        if (isProtected(block, match.index)) continue
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `“${match[0]}”：阿拉伯数字后只能接“万”“亿”，不能接“十”“百”“千”（如“4000人”“3000万元”）。`,
        )
      }
    }
  },
}

const bareDecimal = /(?<![\d０-９.A-Za-z])\.\d/g

export const numDecimal: Rule = {
  id: 'NUM-DECIMAL',
  title: '小数缺0',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numDecimal, context, report)
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.dot | F.digit)) continue
      bareDecimal.lastIndex = 0
      for (let match = bareDecimal.exec(block.text); match; match = bareDecimal.exec(block.text)) {
        if (isProtected(block, match.index)) continue
        emit(block, match.index, match.index + 2, '纯小数的小数点前要写“0”（如“0.5”）。')
      }
    }
  },
}

const counters = '件项次个名人家条部篇场批所座'
const arabicCount = new RegExp(`(?<![\\d.])\\d+(?=[${counters}])`, 'g')
const chineseCount = new RegExp(
  `(?<![第一二三四五六七八九十百千万两零〇])[一二三四五六七八九十百千]{2,}(?=[${counters}])`,
  'g',
)

export const numCountForm: Rule = {
  id: 'NUM-COUNT-FORM',
  title: '计数形式不一',
  category: 'number',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numCountForm, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.digit)) continue
      let arabicUnits: Set<string> | undefined
      chineseCount.lastIndex = 0
      for (let match = chineseCount.exec(text); match; match = chineseCount.exec(text)) {
        const value = /[百千]/.test(match[0]) ? 100 : parseChineseNumeral(match[0])
        if (value === undefined || value < 11) continue
        if (!arabicUnits) {
          arabicUnits = new Set()
          arabicCount.lastIndex = 0
          for (let arabic = arabicCount.exec(text); arabic; arabic = arabicCount.exec(text)) {
            arabicUnits.add(text[arabic.index + arabic[0].length]!)
          }
        }
        const unit = text[match.index + match[0].length]!
        if (!arabicUnits.has(unit)) continue
        emit(
          block,
          match.index,
          match.index + match[0].length,
          `同一段中计数“${unit}”既用阿拉伯数字又用汉字“${match[0]}”，请统一用阿拉伯数字。`,
        )
      }
    }
  },
}

const groupedNumber = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])/g
const plainLargeNumber = /(?<![\d.,])\d{4,}(?![\d,])/g

export const numThousands: Rule = {
  id: 'NUM-THOUSANDS',
  title: '千分位不一致',
  category: 'number',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numThousands, context, report)
    const grouped: Array<[TextBlock, number, number]> = []
    let plain = 0
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.digit)) continue
      if (has(block, F.asciiPunct) && text.indexOf(',') >= 0) {
        groupedNumber.lastIndex = 0
        for (let match = groupedNumber.exec(text); match; match = groupedNumber.exec(text)) {
          if (!isProtected(block, match.index)) grouped.push([block, match.index, match.index + match[0].length])
        }
      }
      if (plain > 0) continue
      plainLargeNumber.lastIndex = 0
      for (let match = plainLargeNumber.exec(text); match; match = plainLargeNumber.exec(text)) {
        const after = text[match.index + match[0].length]
        const value = Number(match[0])
        const isYear =
          match[0].length === 4 &&
          value >= 1900 &&
          value <= 2199 &&
          (after === '年' || after === '—' || after === '-' || after === '～' || after === '届')
        if (isYear || isProtected(block, match.index)) continue
        plain++
        break
      }
    }
    if (grouped.length === 0 || plain === 0) return
    for (const [block, from, to] of grouped) {
      emit(
        block,
        from,
        to,
        `“${block.text.slice(from, to)}”用了千分位逗号，而全文其他数字没有用，请统一（报告中一般不加千分位）。`,
      )
    }
  },
}

const docNumber = new RegExp(`${HAN}{1,8}?([\\[【（(［〔{])(\\d{4})([\\]】）)］〕}])(第)?(\\d+)号`, 'g')

export const numDocNo: Rule = {
  id: 'NUM-DOCNO',
  title: '发文字号格式',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numDocNo, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || !has(block, F.hao | F.digit)) continue
      docNumber.lastIndex = 0
      for (let match = docNumber.exec(text); match; match = docNumber.exec(text)) {
        const [, open, , close, ordinal, serial] = match
        const wrongBracket = open !== '〔' || close !== '〕'
        const padded = serial!.length > 1 && serial![0] === '0'
        if (!wrongBracket && !ordinal && !padded) continue
        const problems: string[] = []
        if (wrongBracket) problems.push('年份应使用六角括号“〔〕”')
        if (ordinal) problems.push('序号前不加“第”')
        if (padded) problems.push('序号不编虚位')
        const from = match.index + match[0].indexOf(open!)
        emit(
          block,
          from,
          match.index + match[0].length,
          `发文字号“${quote(text.slice(from, match.index + match[0].length), 20)}”格式不对：${problems.join('，')}（如“国发〔2024〕1号”）。`,
        )
      }
    }
  },
}

const spaceNearDigit = new RegExp(`(?<=[\\d%％])[ \\u3000\\u00a0]+(?=${HAN})|(?<=${HAN})[ \\u3000\\u00a0]+(?=\\d)`, 'g')

export const numNoSpace: Rule = {
  id: 'NUM-NOSPACE',
  title: '数字与汉字间空格',
  category: 'number',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(numNoSpace, context, report)
    for (const block of context.blocks) {
      const text = block.text
      if (!isCheckedText(block) || block.kind === 'speaker' || !has(block, F.digit | F.space)) continue
      spaceNearDigit.lastIndex = 0
      for (let match = spaceNearDigit.exec(text); match; match = spaceNearDigit.exec(text)) {
        if (isProtected(block, match.index - 1, match.index + match[0].length + 1)) continue
        emit(block, match.index, match.index + match[0].length, '数字和汉字之间不加空格，请删去空格。')
      }
    }
  },
}

export const numberRules: Rule[] = [
  numFullwidth,
  numSession,
  numYearFull,
  numDatePad,
  numDateMix,
  numZero,
  numRangeUnit,
  numApproxDunhao,
  numApproxArabic,
  numMixed,
  numDecimal,
  numCountForm,
  numThousands,
  numDocNo,
  numNoSpace,
]
