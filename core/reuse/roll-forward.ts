import { MarkType, NodeType, guidance, heading, textNode } from '../document-model'
import type { DocNode, PartRole, PromiseAttrs } from '../document-model'
import type { Provenance, ReportFile } from '../report-file'
import { analyzeStructure } from '../structure/analyze-structure'
import { getBuiltinTemplate } from '../templates/builtin-templates'
import { expandTitle } from '../templates/expand-title'
import type { Template, TemplatePart } from '../templates/template-schema'
import { markFiguresNeedsReview } from './mark-figures'
import { promisedTasks } from './promised-tasks'
import type { PromisedTask } from './promised-tasks'
import { proposeRollForward } from './propose-roll-forward'

export interface RollForwardOptions {
  /** Confirmed plan year; default: last year's + 1 (then marked for review where it shows). */
  planYear?: number
  /** Confirmed meeting name; default: the proposal (next session), marked for review. */
  meetingName?: string
  /** Confirmed ISO date; default: the proposal (same day next year), marked for review. */
  date?: string
  /** Path of last year's report (recorded as provenance). */
  sourceFile: string
  /** ISO timestamp recorded as provenance. */
  now: string
  /** Template to follow; default: the built-in template of last year's report. */
  template?: Template
}

const rebuiltRoles: readonly PartRole[] = ['review', 'termReview', 'tasks', 'targets', 'problems']
const promiseQuoteMax = 240

/** The promise as a quotation: inner double quotes become single ones (`“安居”` → `‘安居’`). */
function quote(text: string): string {
  const inner = text.replace(/“/gu, '‘').replace(/”/gu, '’')
  return inner.length > promiseQuoteMax ? `${inner.slice(0, promiseQuoteMax)}……` : inner
}

/**
 * Heading of one review section: the promised task's title, carrying last year's promise (shown above the
 * section in the editor until marked done, never printed; STR-PLACEHOLDER asks about it until then).
 */
export function reviewHeading(task: PromisedTask, year: number): DocNode {
  const node = heading(2, task.title)
  const promise: PromiseAttrs = { year, text: quote(task.promised), done: false }
  return { ...node, attrs: { ...node.attrs, promise } }
}

function templatePart(template: Template | undefined, role: PartRole): TemplatePart | undefined {
  if (!template) return undefined
  const wanted: PartRole = role === 'termReview' ? 'review' : role
  return template.parts.find(part => part.role === wanted)
}

function bumpYears(text: string, years: readonly number[]): string {
  return text.replace(/\d{4}(?=年)/gu, year => (years.includes(Number(year)) ? String(Number(year) + 1) : year))
}

/** Next year's title of a part: the same accepted title form for the new year, else years moved on by one. */
function nextTitle(
  title: string,
  role: PartRole | null,
  template: Template | undefined,
  lastYear: number,
  planYear: number,
  organisation: string,
): string {
  const part = role ? templatePart(template, role) : undefined
  if (part) {
    const expand = (pattern: string, year: number): string => expandTitle(pattern, { planYear: year, organisation })
    for (const pattern of [part.defaultTitle, ...part.titles]) {
      if (expand(pattern, lastYear) === title) return expand(pattern, planYear)
    }
    const termEnd = [part.termEndDefaultTitle, ...part.termEndTitles].filter((pattern): pattern is string => !!pattern)
    if (role === 'termReview' || termEnd.some(pattern => expand(pattern, lastYear) === title))
      return expand(part.defaultTitle, planYear)
  }
  const bumped = bumpYears(title, [lastYear - 1, lastYear])
  if (bumped !== title || !part) return bumped
  return expandTitle(part.defaultTitle, { planYear, organisation })
}

function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (!year || !month) return ''
  return day ? `${year}年${month}月${day}日` : `${year}年${month}月`
}

function reviewText(text: string, confirmed: boolean): DocNode {
  return confirmed
    ? textNode(text)
    : textNode(text, [{ type: MarkType.needsReview, attrs: { source: '新建下一年报告时推算的建议值' } }])
}

function subtitleNode(
  template: Template | undefined,
  date: { text: string; confirmed: boolean },
  meeting: { text: string; confirmed: boolean },
): DocNode {
  const pattern = template?.frontMatter.subtitle ?? '——{DATE}在{MEETING}上'
  const content: DocNode[] = []
  for (const piece of pattern.split(/(\{DATE\}|\{MEETING\})/u)) {
    if (piece === '{DATE}') {
      if (date.text) content.push(reviewText(date.text, date.confirmed))
    } else if (piece === '{MEETING}') {
      if (meeting.text) content.push(reviewText(meeting.text, meeting.confirmed))
    } else if (piece) content.push(textNode(piece))
  }
  return { type: NodeType.reportSubtitle, content }
}

function partHeading(title: string, role: PartRole | null): DocNode {
  return heading(1, title, { role })
}

function guidanceText(
  part: TemplatePart | undefined,
  fallback: string,
  planYear: number,
  organisation: string,
): string {
  return part ? expandTitle(part.guidance, { planYear, organisation }) : fallback
}

/**
 * Next year's report from last year's: plan year + 1, the meeting's next session, part titles for the new
 * year; last year's next-year tasks become this year's review skeleton (one section per promised task whose
 * heading carries the promise, shown above the section until marked done); the new tasks part is empty with the template's guidance; other reused
 * text keeps its wording with every figure marked needs-review; provenance recorded.
 */
export function rollForward(report: ReportFile, options: RollForwardOptions): ReportFile {
  const proposals = proposeRollForward(report)
  const lastYear = report.meta.planYear
  const planYear = options.planYear ?? proposals.planYear.to
  const template = options.template ?? getBuiltinTemplate(report.meta.templateId)
  const organisation = report.meta.organisation
  const doc = report.doc.content ?? []
  const structure = analyzeStructure(report, template)
  const source = options.sourceFile
  // Last year's own provenance (how last year's file was made) does not describe the new report.
  const provenance: Provenance[] = []
  const record = (target: string): void => {
    provenance.push({
      target,
      sourceFile: source,
      sourceYear: lastYear,
      sourceTitle: report.meta.title || undefined,
      at: options.now,
      kind: 'rollforward',
    })
  }
  const mark = (nodes: readonly DocNode[]): DocNode[] => markFiguresNeedsReview(nodes, { source: `${lastYear}年报告` })

  const meetingText = options.meetingName ?? proposals.meetingName?.to ?? report.meta.meetingName
  const dateIso = options.date ?? proposals.date?.to ?? ''
  const subtitle = subtitleNode(
    template,
    { text: chineseDate(dateIso), confirmed: options.date !== undefined },
    { text: meetingText, confirmed: options.meetingName !== undefined },
  )

  const firstPart = structure.parts[0]?.index ?? doc.length
  const front: DocNode[] = []
  let hasSubtitle = false
  for (const node of doc.slice(0, firstPart)) {
    if (node.type === NodeType.reportSubtitle) {
      front.push(...(template?.frontMatter.subtitle === '' ? mark([node]) : [subtitle]))
      hasSubtitle = true
    } else if (node.type === NodeType.reportTitle) {
      front.push(
        ...mark([
          {
            ...node,
            content: (node.content ?? []).map(child =>
              child.type === NodeType.text
                ? { ...child, text: bumpYears(child.text ?? '', [lastYear - 1, lastYear]) }
                : child,
            ),
          },
        ]),
      )
    } else for (const marked of mark([node])) front.push(marked)
  }
  if (!hasSubtitle && template?.frontMatter.subtitle !== '') {
    const titleAt = front.findIndex(node => node.type === NodeType.reportTitle)
    front.splice(titleAt + 1, 0, subtitle)
  }

  const tasksPart = structure.parts.find(part => part.role === 'tasks')
  const tasks = tasksPart ? promisedTasks(doc, tasksPart) : []
  const body: DocNode[] = []
  let reviewWritten = false
  const writeReview = (title: string): void => {
    reviewWritten = true
    const part = templatePart(template, 'review')
    body.push(partHeading(title, 'review'))
    body.push(
      guidance(
        guidanceText(
          part,
          `先概述${planYear - 1}年工作的总体情况和主要数字，再按下列各项写明完成情况。`,
          planYear,
          organisation,
        ),
      ),
    )
    for (const task of tasks) {
      body.push(reviewHeading(task, lastYear))
      record(task.title)
    }
    if (tasks.length === 0) {
      body.push(guidance(`去年的报告里没有找到“${lastYear}年主要任务”部分，请按本年实际工作分几个方面写。`))
    }
  }

  for (const part of structure.parts) {
    const headingNode = doc[part.index]!
    if (part.untitled || headingNode.type !== NodeType.heading) {
      // The closing appeal has no heading of its own: its paragraphs are reused as they are.
      for (const node of mark(doc.slice(part.index, part.end))) body.push(node)
      record(part.title)
      continue
    }
    const title = nextTitle(part.title, part.role, template, lastYear, planYear, organisation)
    if (part.role === 'review' || part.role === 'termReview') {
      if (!reviewWritten) writeReview(title)
    } else if (part.role && rebuiltRoles.includes(part.role)) {
      if (part.role === 'tasks' && !reviewWritten)
        writeReview(nextTitle(`${lastYear - 1}年主要工作`, 'review', template, lastYear, planYear, organisation))
      const fallback =
        part.role === 'tasks'
          ? `写明${planYear}年工作的总体要求和主要任务，分几个方面展开。`
          : '按本年实际情况填写本部分。'
      body.push(
        partHeading(title, part.role),
        guidance(guidanceText(templatePart(template, part.role), fallback, planYear, organisation)),
      )
    } else {
      body.push({
        ...headingNode,
        attrs: { ...headingNode.attrs, level: 1, role: part.role },
        content: title ? [textNode(title)] : undefined,
      })
      for (const node of mark(doc.slice(part.index + 1, part.end))) body.push(node)
      record(title)
    }
  }
  if (!reviewWritten)
    writeReview(
      expandTitle(templatePart(template, 'review')?.defaultTitle ?? '{Y-1}年主要工作', { planYear, organisation }),
    )
  if (!tasksPart) {
    const part = templatePart(template, 'tasks')
    body.push(
      partHeading(expandTitle(part?.defaultTitle ?? '{Y}年主要任务', { planYear, organisation }), 'tasks'),
      guidance(guidanceText(part, `写明${planYear}年工作的总体要求和主要任务。`, planYear, organisation)),
    )
  }
  record('doc')

  return {
    ...report,
    meta: {
      ...report.meta,
      planYear,
      termEnd: false,
      meetingName: meetingText,
      date: options.date ?? dateIso,
      status: 'draft',
    },
    doc: { type: NodeType.doc, content: [...front, ...body] },
    provenance,
  }
}
