import { chineseNumeral } from '../../numbering'
import { parseDateLine } from '../../report-language/chinese-date'
import { bodyOf, findMeeting, findMeetings, findTerm, meetingLevel } from '../../report-language/meeting'
import { recognisePartTitle } from '../../report-language/part-title'
import { planYearFromDate } from '../../report-language/plan-year'
import { expectedSalutations, salutationFits } from '../../report-language/salutation'
import { parseSubtitle, subtitleYear } from '../../report-language/subtitle'
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
      // `（2024年1月16日）` under the speaker line: the date of a subtitle that has none
      if (parseDateLine(block.text)) continue
      // the accepted forms: `——…会议上`, no dash, `（…会议上）`, no date, `…上的报告`, wrapped over lines
      const parsed = parseSubtitle(block.text)
      if (!parsed) {
        emit(
          block,
          0,
          block.text.length,
          `副标题格式不对：应写成“${example}”的形式（日期用阿拉伯数字，以“会议上”结尾；也可加圆括号或不加破折号）。`,
        )
        continue
      }
      const problems: string[] = []
      const { open, close } = parsed.form
      let fix: ReturnType<typeof replaceFix> | undefined
      if (open && !/^（$|^——$/.test(open)) {
        if (/^[—–\-－─]+$/.test(open)) {
          problems.push('开头应为两个占一格的破折号“——”')
          const at = block.text.indexOf(open)
          if (at >= 0) fix = replaceFix('改为“——”', block, [[at, at + open.length, '——']])
        } else problems.push('括号应使用全角“（）”')
      } else if (close && close !== '）') problems.push('括号应使用全角“（）”')
      if (/年0\d月|月0\d日/.test(block.text)) problems.push('月、日不编虚位（写“1月6日”，不写“01月06日”）')
      if (findMeeting(parsed.meeting)?.arabic) problems.push('届次和会议次序应使用汉字数字')
      if (!problems.length) continue
      emit(block, 0, block.text.length, `副标题格式不对：${problems.join('；')}。`, fix)
    }
  },
}

export const txtSalutation: Rule = {
  id: 'TXT-SALUTATION',
  title: '称呼语',
  category: 'text',
  severity: 'error',
  fixable: true,
  run(context, report) {
    const kind = context.report.meta.kind
    const fromTemplate = context.template?.frontMatter
    const expected = expectedSalutations(kind, fromTemplate)
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
    // every form of the kind's salutation fits (`各位代表，同志们：`, `各位常委会组成人员：`); only its colon is checked
    const fits = salutationFits(salutation.text, kind, fromTemplate)
    const colon = salutation.text.lastIndexOf(':')
    if (fits && colon < 0) return
    if (fits) {
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

/** The meeting year the subtitle writes (also of a malformed subtitle), or undefined. */
function meetingYear(context: CheckContext): number | undefined {
  const date = context.structure?.frontMatter.subtitle?.date
  if (date && /^\d{4}/.test(date)) return Number(date.slice(0, 4))
  const block = subtitleBlock(context)
  return block ? subtitleYear(block.text) : undefined
}

const anyYear = /(?<![\d.])(1[89]\d{2}|2[01]\d{2})(?=年)/g

export const txtYear: Rule = {
  id: 'TXT-YEAR',
  title: '年份与会议日期不符',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const year = meetingYear(context)
    if (year === undefined) return
    // the years a report names go by its plan year (a December meeting plans the next year), not the meeting's year
    const subtitleDate = context.structure?.frontMatter.subtitle?.date
    const planYear = context.structure?.planYear ?? (subtitleDate ? planYearFromDate(subtitleDate) : undefined) ?? year
    const emit = textReporter(txtYear, context, report)
    const termEnd = context.report.meta.termEnd
    // STR-YEAR checks part titles against the plan year; when it runs it has said it all for level 1.
    const partsCovered = isEnabled(context, 'STR-YEAR') && context.structure?.planYear === planYear
    for (const block of context.blocks) {
      if (!isCheckedText(block) || block.kind === 'subtitle' || block.kind === 'title') continue
      const text = block.text
      if (!has(block, F.nian)) continue
      let reported = -1
      if (partsCovered && block.kind === 'heading' && block.level === 1) continue
      const info = block.kind === 'heading' ? recognisePartTitle(text) : undefined
      if (info?.year !== undefined) {
        const value = info.year
        const at = text.indexOf(String(value))
        const review = info.role === 'review' || info.role === 'termReview'
        const ok = review
          ? termEnd
            ? value >= planYear - 5 && value <= planYear - 1
            : value === planYear - 1
          : value === planYear
        if (!ok && at >= 0) {
          reported = at
          emit(
            block,
            at,
            at + 4,
            review
              ? `计划年度是${planYear}年，回顾部分应为“${planYear - 1}年”，这里写的是“${value}年”。`
              : `计划年度是${planYear}年，计划部分应为“${planYear}年”，这里写的是“${value}年”。`,
          )
        }
      }
      anyYear.lastIndex = 0
      for (let match = anyYear.exec(text); match; match = anyYear.exec(text)) {
        if (match.index === reported) continue
        const value = Number(match[0])
        if (value <= planYear + 15 && value >= planYear - 30) continue
        emit(block, match.index, match.index + 4, `“${value}年”与计划年度${planYear}年相差较远，请核对年份。`)
      }
    }
  },
}

export const txtSession: Rule = {
  id: 'TXT-SESSION',
  title: '届次与会议不符',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const subtitle = subtitleBlock(context)
    const own = subtitle ? findMeeting(subtitle.text.replace(/\n/g, '')) : undefined
    if (!own || own.term === undefined || own.session === undefined || own.short) return
    const { term, session } = own
    const termText = chineseNumeral(term)
    const sessionText = chineseNumeral(session)
    const meetingBody = own.body
    // `省十四届人大`, `十四届全国人大` are other levels' sessions: only this level's (or unprefixed) mentions count.
    const ownLevel = meetingLevel(own)
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
    const titleTerm = titleBlock && findTerm(titleBlock.text)
    if (titleBlock && titleTerm && titleTerm.term !== term) {
      emit(
        titleBlock,
        titleTerm.index,
        titleTerm.index + titleTerm.length,
        `标题中的“${titleBlock.text.slice(titleTerm.index, titleTerm.index + titleTerm.length)}”与副标题中的会议（第${termText}届）不符，请核对届次。`,
      )
    }
    for (const block of context.blocks) {
      if (!isCheckedText(block) || block.kind === 'subtitle' || !has(block, F.jie)) continue
      const text = block.text
      for (const mention of findMeetings(text)) {
        if (mention.national || mention.term === undefined || mention.session === undefined) continue
        // a standing-committee meeting (`十七届人大常委会第十五次会议`) counts its sessions apart
        if (mention.standing !== own.standing) continue
        const level = meetingLevel(mention)
        if (level && level !== ownLevel) continue
        if (meetingBody && mention.body && mention.body !== meetingBody) continue
        const x = mention.term
        const n = mention.session
        const since = text.startsWith('以来', mention.index + mention.length)
        const end = mention.index + mention.length + (since ? 2 : 0)
        const written = text.slice(mention.index, end)
        // the tasks part prepares the next session (`做好十七届人大四次会议筹备工作`), a term-end report the new term's first
        const ahead = (x === term && n === session + 1) || (x === term + 1 && n === 1)
        const wrong = since ? x !== term || n !== session - 1 : !ahead && (x > term || (x === term && n > session))
        if (!wrong) continue
        const message = since
          ? `本次是第${termText}届第${sessionText}次会议，“……以来”应从上一次会议（${termText}届${chineseNumeral(session - 1)}次会议）算起，这里写的是“${written}”。`
          : `“${written}”与本次会议（第${termText}届第${sessionText}次会议）不符，请核对届次。`
        emit(block, mention.index, end, message)
      }
    }
  },
}

export const frontMatterRules: Rule[] = [txtSubtitle, txtSalutation, txtYear, txtSession]
