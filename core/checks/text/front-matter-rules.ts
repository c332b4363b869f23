import { chineseNumeral, parseChineseNumeral } from '../../numbering'
import type { CheckContext, Rule, TextBlock } from '../rule'
import { F, has } from './block-features'
import { isCheckedText } from './block-kinds'
import { isEnabled, replaceFix, textReporter } from './text-reporter'

function blockAt(context: CheckContext, path: number[] | undefined): TextBlock | undefined {
  if (!path) return undefined
  return context.blocks.find(
    block => block.path.length === path.length && block.path.every((index, at) => index === path[at]),
  )
}

function subtitleBlock(context: CheckContext): TextBlock | undefined {
  return (
    context.blocks.find(block => block.kind === 'subtitle') ??
    blockAt(context, context.structure?.frontMatter.subtitle?.path)
  )
}

const subtitleWithDate = /^——\d{4}年\d{1,2}月(?:\d{1,2}日)?在.+会议上$/
const subtitleWithoutDate = /^——在.+会议上$/
const arabicSession = /\d+\s*[届次]/

export const txtSubtitle: Rule = {
  id: 'TXT-SUBTITLE',
  title: '副标题格式',
  category: 'text',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtSubtitle, context, report)
    // a subtitle still holding `×` fill-in marks is STR-PLACEHOLDER's
    const placeholdersChecked = isEnabled(context, 'STR-PLACEHOLDER')
    const example =
      context.report.meta.kind === 'cppcc'
        ? '——2024年1月15日在政协××市第十届委员会第二次会议上'
        : '——2024年1月15日在××市第十七届人民代表大会第三次会议上'
    for (const block of context.blocks) {
      if (block.kind !== 'subtitle' || !block.text.trim()) continue
      if (placeholdersChecked && block.text.includes('×')) continue
      const text = block.text.replace(/\n/g, '').trim()
      const problems: string[] = []
      if (!text.startsWith('——') || text.startsWith('———')) problems.push('开头应为两个占一格的破折号“——”')
      const body = text.replace(/^[—\-－─]+/, '——')
      if (!subtitleWithDate.test(body) && !subtitleWithoutDate.test(body))
        problems.push(`应写成“${example}”的形式（日期用阿拉伯数字，月、日不编虚位，以“会议上”结尾）`)
      if (arabicSession.test(text)) problems.push('届次和会议次序应使用汉字数字')
      if (!problems.length) continue
      emit(block, 0, block.text.length, `副标题格式不对：${problems.join('；')}。`)
    }
  },
}

function expectedSalutations(context: CheckContext): string[] {
  const fromTemplate = context.template?.frontMatter
  if (fromTemplate)
    return fromTemplate.salutation ? [fromTemplate.salutation, ...fromTemplate.salutationAlternatives] : []
  switch (context.report.meta.kind) {
    case 'cppcc':
      return ['各位委员：', '各位委员、同志们：']
    case 'npc':
    case 'gov':
      return ['各位代表：', '各位代表、同志们：']
    default:
      return []
  }
}

export const txtSalutation: Rule = {
  id: 'TXT-SALUTATION',
  title: '称呼语',
  category: 'text',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const expected = expectedSalutations(context)
    if (!expected.length) return
    const emit = textReporter(txtSalutation, context, report)
    // STR-FRONT-MATTER already reports a missing or wrong salutation; this rule then only checks its colon.
    const structureReports = isEnabled(context, 'STR-FRONT-MATTER') && Boolean(context.template?.frontMatter.salutation)
    const salutation =
      context.blocks.find(block => block.kind === 'salutation') ??
      blockAt(context, context.structure?.frontMatter.salutation?.path)
    if (!salutation) {
      if (structureReports) return
      const speaker = context.blocks.find(block => block.kind === 'speaker')
      if (speaker)
        emit(speaker, speaker.text.length, speaker.text.length, `署名行之后缺少称呼语，请另起一段写“${expected[0]}”。`)
      return
    }
    const trimmed = salutation.text.trim()
    if (expected.includes(trimmed)) return
    const colon = salutation.text.lastIndexOf(':')
    if (colon >= 0 && expected.includes(trimmed.replace(':', '：'))) {
      emit(
        salutation,
        colon,
        colon + 1,
        '称呼语后面应使用全角冒号“：”。',
        replaceFix('改为“：”', salutation, [[colon, colon + 1, '：']]),
      )
      return
    }
    if (structureReports) return
    emit(salutation, 0, salutation.text.length, `称呼语应为“${expected.join('”或“')}”，单独成段，用全角冒号。`)
  },
}

function subtitleYear(context: CheckContext): number | undefined {
  const date = context.structure?.frontMatter.subtitle?.date
  if (date && /^\d{4}/.test(date)) return Number(date.slice(0, 4))
  const block = subtitleBlock(context)
  const match = block && /(\d{4})年/.exec(block.text)
  return match ? Number(match[1]) : undefined
}

const reviewTitle = /(\d{4})年(?:度)?(?:主要工作|工作回顾|工作总结|工作情况|工作成效)|回望(\d{4})/
const planTitle = /(\d{4})年(?:度)?(?:主要任务|工作安排|工作建议|工作打算|工作计划|重点工作|目标任务|工作思路)/
const anyYear = /(?<![\d.])(1[89]\d{2}|2[01]\d{2})(?=年)/g

export const txtYear: Rule = {
  id: 'TXT-YEAR',
  title: '年份与会议日期不符',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const year = subtitleYear(context)
    if (year === undefined) return
    const emit = textReporter(txtYear, context, report)
    const termEnd = context.report.meta.termEnd
    // STR-YEAR checks part titles against the plan year; when that is the subtitle's year it has said it all.
    const partsCovered = isEnabled(context, 'STR-YEAR') && context.structure?.planYear === year
    for (const block of context.blocks) {
      if (!isCheckedText(block) || block.kind === 'subtitle' || block.kind === 'title') continue
      const text = block.text
      if (!has(block, F.nian)) continue
      let reported = -1
      if (partsCovered && block.kind === 'heading' && block.level === 1) continue
      if (block.kind === 'heading') {
        const review = reviewTitle.exec(text)
        if (review) {
          const value = Number(review[1] ?? review[2])
          const ok = termEnd ? value >= year - 5 && value <= year - 1 : value === year - 1
          if (!ok) {
            const at = review.index + review[0].indexOf(String(value))
            reported = at
            emit(block, at, at + 4, `会议在${year}年召开，回顾部分应为“${year - 1}年”，这里写的是“${value}年”。`)
          }
        }
        const plan = planTitle.exec(text)
        if (plan && Number(plan[1]) !== year) {
          reported = plan.index
          emit(
            block,
            plan.index,
            plan.index + 4,
            `会议在${year}年召开，计划部分应为“${year}年”，这里写的是“${plan[1]}年”。`,
          )
        }
      }
      anyYear.lastIndex = 0
      for (let match = anyYear.exec(text); match; match = anyYear.exec(text)) {
        if (match.index === reported) continue
        const value = Number(match[0])
        if (value <= year + 15 && value >= year - 30) continue
        emit(block, match.index, match.index + 4, `“${value}年”与会议年份${year}年相差较远，请核对年份。`)
      }
    }
  },
}

const subtitleSession = /第([一二三四五六七八九十]{1,3})届(.*?)第([一二三四五六七八九十]{1,3})次(?:全体)?会议/
const sessionMention =
  /第?([一二三四五六七八九十]{1,3})届(全国人大|人大|政协|人民代表大会|委员会)?第?([一二三四五六七八九十]{1,3})次(?:全体)?会议(以来)?/g

function bodyOf(text: string): 'npc' | 'cppcc' | undefined {
  if (/政协|政治协商/.test(text)) return 'cppcc'
  if (/人大|人民代表大会/.test(text)) return 'npc'
  return undefined
}

export const txtSession: Rule = {
  id: 'TXT-SESSION',
  title: '届次与会议不符',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const subtitle = subtitleBlock(context)
    const parsed = subtitle && subtitleSession.exec(subtitle.text)
    if (!parsed) return
    const term = parseChineseNumeral(parsed[1]!)
    const session = parseChineseNumeral(parsed[3]!)
    if (term === undefined || session === undefined) return
    const meetingBody = bodyOf(subtitle.text)
    // `省十四届人大`, `十四届全国人大` are other levels' sessions: only this level's (or unprefixed) mentions count.
    const ownLevel = /([省市县区州旗盟])(?:人民代表大会|委员会)?第[一二三四五六七八九十]{1,3}届/.exec(
      subtitle.text,
    )?.[1]
    const emit = textReporter(txtSession, context, report)
    const speakerBlock = context.blocks.find(block => block.kind === 'speaker')
    const speakerBody = speakerBlock && bodyOf(speakerBlock.text)
    if (speakerBlock && meetingBody && speakerBody && speakerBody !== meetingBody) {
      const names = { npc: '人大', cppcc: '政协' }
      emit(
        speakerBlock,
        0,
        speakerBlock.text.length,
        `报告人是${names[speakerBody]}的职务，而副标题中的会议是${names[meetingBody]}会议，请核对报告人或会议名称。`,
      )
    }
    const titleBlock = context.blocks.find(block => block.kind === 'title')
    const titleTerm = titleBlock && /第([一二三四五六七八九十]{1,3})届/.exec(titleBlock.text)
    if (titleBlock && titleTerm && parseChineseNumeral(titleTerm[1]!) !== term) {
      emit(
        titleBlock,
        titleTerm.index,
        titleTerm.index + titleTerm[0].length,
        `标题中的“${titleTerm[0]}”与副标题中的会议（第${parsed[1]}届）不符，请核对届次。`,
      )
    }
    for (const block of context.blocks) {
      if (!isCheckedText(block) || block.kind === 'subtitle' || !has(block, F.jie)) continue
      const text = block.text
      sessionMention.lastIndex = 0
      for (let match = sessionMention.exec(text); match; match = sessionMention.exec(text)) {
        const before = text.slice(Math.max(0, match.index - 4), match.index)
        if (match[2] === '全国人大' || before.endsWith('全国')) continue
        const prefix = before.replace(/政协$/, '').slice(-1)
        if (/[省市县区州旗盟]/.test(prefix) && prefix !== ownLevel) continue
        const mentionBody = bodyOf(match[2] ?? before)
        if (meetingBody && mentionBody && mentionBody !== meetingBody) continue
        const x = parseChineseNumeral(match[1]!)
        const n = parseChineseNumeral(match[3]!)
        if (x === undefined || n === undefined) continue
        const since = Boolean(match[4])
        // the tasks part prepares the next session (`做好十七届人大四次会议筹备工作`), a term-end report the new term's first
        const ahead = (x === term && n === session + 1) || (x === term + 1 && n === 1)
        const wrong = since ? x !== term || n !== session - 1 : !ahead && (x > term || (x === term && n > session))
        if (!wrong) continue
        const message = since
          ? `本次是第${parsed[1]}届第${parsed[3]}次会议，“……以来”应从上一次会议（${parsed[1]}届${chineseNumeral(session - 1)}次会议）算起，这里写的是“${match[0]}”。`
          : `“${match[0]}”与本次会议（第${parsed[1]}届第${parsed[3]}次会议）不符，请核对届次。`
        emit(block, match.index, match.index + match[0].length, message)
      }
    }
  },
}

export const frontMatterRules: Rule[] = [txtSubtitle, txtSalutation, txtYear, txtSession]
