import { reportKindNames } from '../../report-kind'
import { formatChineseDate } from '../../report-language/chinese-date'
import { templatePattern } from '../../report-language/opening'
import { planYearFromDate } from '../../report-language/plan-year'
import { salutationFits } from '../../report-language/salutation'
import { expandTitle } from '../../templates/expand-title'
import type { Finding } from '../finding'
import type { Rule } from '../rule'

const FRONT = '开头'

/** STR-FRONT-MATTER: title, occasion subtitle, speaker line or salutation missing or malformed. */
export const strFrontMatter: Rule = {
  id: 'STR-FRONT-MATTER',
  title: '标题、副题、报告人和称呼',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run({ template, structure, report: file }, report) {
    if (!template) return
    const front = structure.frontMatter
    const required = new Set(template.frontMatter.requiredFields)
    const add = (severity: Finding['severity'], message: string, path: number[] = [], fix?: Finding['fix']) =>
      report({
        rule: 'STR-FRONT-MATTER',
        severity,
        message,
        location: { path, section: FRONT },
        ...(fix ? { fix } : {}),
      })
    const kindName = reportKindNames[file.meta.kind]
    const fill = (text: string) =>
      expandTitle(text, {
        planYear: structure.planYear ?? file.meta.planYear,
        organisation: file.meta.organisation,
        meetingName: file.meta.meetingName,
      }).replace(/\n/g, '')
    const exampleTitle = fill(template.frontMatter.title)
    const titlePattern = templatePattern(template.frontMatter.titlePattern)

    if (!front.title) {
      if (required.has('title')) add('error', `报告缺少标题。请在最前面加上标题，如“${exampleTitle}”。`)
    } else if (titlePattern && !titlePattern.test(front.title.text.replace(/[\s\u3000]+/g, ''))) {
      add(
        'warning',
        `标题“${front.title.text.replace(/\n/g, '')}”不像${kindName}的标题（通常是“${exampleTitle}”）。请核对标题，或在报告信息中更正报告类别。`,
        front.title.path,
      )
    }

    if (!front.subtitle) {
      if (required.has('subtitle'))
        add(
          'error',
          '报告缺少副题。请在标题下面加上会议日期和会议名称，如“——2024年1月16日在××区第十八届人民代表大会第三次会议上”。',
        )
    } else if (!front.subtitle.text.includes('×')) {
      // a subtitle still holding `×` fill-in marks is reported by STR-PLACEHOLDER
      const { path, text } = front.subtitle
      if (!front.subtitle.meeting)
        add(
          'error',
          `副题“${text.trim()}”中没有会议名称。请写明在哪次会议上报告，如“在××区第十八届人民代表大会第三次会议上”。`,
          path,
        )
      if (!front.subtitle.date) {
        add(
          'warning',
          `副题“${text.trim()}”中没有会议日期。请写上日期，如“——${structure.planYear ?? 2024}年1月16日在……会议上”。`,
          path,
        )
      } else if (structure.planYear !== undefined) {
        // a meeting from November on prepares the next year: `2023年12月27日` fits plan year 2024
        const datePlan = planYearFromDate(front.subtitle.date)
        if (datePlan !== undefined && datePlan !== structure.planYear) {
          add(
            'warning',
            `副题中的会议日期（${formatChineseDate(front.subtitle.date) || front.subtitle.date}）与计划年度${structure.planYear}年不符：这个日期的会议安排的是${datePlan}年的工作。请核对会议日期或在报告信息中更正计划年度。`,
            path,
          )
        }
      }
    }

    if (!front.speaker) {
      if (required.has('speaker'))
        add('error', '报告缺少报告人一行。请在副题下面写上职务和姓名，如“××区人大常委会主任 张三”。')
    } else {
      const { path, office, name } = front.speaker
      if (!name)
        add('warning', `报告人一行“${front.speaker.text.trim()}”中没有姓名。请在职务后面写上报告人姓名。`, path)
      else if (!office && file.meta.kind !== 'cppcc')
        add(
          'warning',
          `报告人一行只有姓名“${name}”，没有职务。请在姓名前写上职务，如“${fill(template.frontMatter.speakerOffice)}”。`,
          path,
        )
    }

    const expected = template.frontMatter.salutation
    if (!front.salutation) {
      if (required.has('salutation') && expected) add('error', `报告缺少称呼。请在正文前单独一行写“${expected}”。`)
    } else if (expected) {
      if (!salutationFits(front.salutation.text, file.meta.kind, template.frontMatter)) {
        const { path, text } = front.salutation
        add('error', `称呼“${text.trim()}”与${kindName}不符，应为“${expected}”。请改正称呼。`, path, {
          kind: 'replaceText',
          label: `改为“${expected}”`,
          edits: [{ path, from: 0, to: text.length, text: expected }],
        })
      }
    }

    if (!front.opening && required.has('opening') && template.frontMatter.openingFormula) {
      add(
        'warning',
        `报告缺少开头的报告语。请在称呼后写上，如“${template.frontMatter.openingFormula.replace(/\{[A-Z_]+[+-]?\d*\}/g, '××')}”。`,
      )
    }
  },
}
