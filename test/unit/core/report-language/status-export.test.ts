import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { textNode } from '../../../../core/document-model'
import { buildDocx } from '../../../../core/export/docx/build-docx'
import { buildPrintHtml } from '../../../../core/export/print-html/build-print-html'
import { importText } from '../../../../core/import/import-text'
import type { ReportFile } from '../../../../core/report-file'
import {
  defaultDraftLabel,
  draftLabelChoices,
  parseStatusLine,
  splitStatusSuffix,
} from '../../../../core/report-language/status-suffix'
import { npcReportFixture } from '../../../fixtures/docx-npc-report'

const TITLE = '金水区人民代表大会常务委员会工作报告'

/** The fixture with a status suffix left in its title node (as a file saved before the status was metadata). */
function withSuffixInTitle(suffix: string): ReportFile {
  const report = npcReportFixture()
  const content = report.doc.content!.map(node =>
    node.type === 'reportTitle' ? { ...node, content: [textNode(TITLE + suffix)] } : node,
  )
  return { ...report, meta: { ...report.meta, draftLabel: '征求意见稿' }, doc: { ...report.doc, content } }
}

async function docxText(report: ReportFile, draftLabel: '征求意见稿' | null): Promise<Record<string, string>> {
  const files = unzipSync(await buildDocx(report, { draftLabel }))
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

const count = (text: string, word: string) => text.split(word).length - 1

describe('the status suffix is metadata', () => {
  it.each([
    ['……工作报告（征求意见稿）', '……工作报告', '征求意见稿'],
    ['……工作报告(讨论稿)', '……工作报告', '讨论稿'],
    ['……工作报告 【送审稿】', '……工作报告', '送审稿'],
    ['……工作报告\n（草案）', '……工作报告', '草案'],
    ['……工作报告（审议稿）', '……工作报告', '审议稿'],
    ['……工作报告（初稿）', '……工作报告', '初稿'],
    ['……工作报告（修改稿）', '……工作报告', '修改稿'],
    ['政府工作报告（摘要）', '政府工作报告（摘要）', undefined],
  ])('%s', (title, rest, label) => {
    expect(splitStatusSuffix(title)).toEqual(label ? { title: rest, label } : { title: rest })
  })

  it('reads a status on a line of its own, bracketed or not', () => {
    expect(parseStatusLine('（征求意见稿）')).toBe('征求意见稿')
    expect(parseStatusLine('讨论稿')).toBe('讨论稿')
    expect(parseStatusLine('讨论稿件')).toBeUndefined()
  })

  it('import moves the suffix (or a status line) from the title to meta.draftLabel and says so', () => {
    const lines = [
      '——2024年1月16日在金水区第十七届人民代表大会第四次会议上',
      '金水区人大常委会主任  王建国',
      '各位代表：',
      '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
      '2023年主要工作',
      '一年来，常委会依法履职。',
      '2024年主要任务',
      '今年，常委会将依法履职。',
    ]
    for (const front of [[`${TITLE}（征求意见稿）`], ['征求意见稿', TITLE], [TITLE, '（征求意见稿）']]) {
      const result = importText([...front, ...lines].join('\n'))
      expect(result.reports).toHaveLength(1)
      const report = result.reports[0]!
      expect(report.meta).toMatchObject({ title: TITLE, draftLabel: '征求意见稿', status: 'draft' })
      expect(JSON.stringify(report.doc)).not.toContain('征求意见稿')
      expect(result.notes.join('')).toContain('稿别')
    }
  })

  it('a 正式稿 DOCX prints no draft word anywhere (body, header, core properties)', async () => {
    const parts = await docxText(withSuffixInTitle('（征求意见稿）'), null)
    for (const [name, xml] of Object.entries(parts)) expect(count(xml, '征求意见稿'), name).toBe(0)
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${TITLE}</dc:title>`)
  })

  it('a draft DOCX prints the label once per page header and never in the title', async () => {
    const parts = await docxText(withSuffixInTitle('（征求意见稿）'), '征求意见稿')
    expect(count(parts['word/document.xml']!, '征求意见稿')).toBe(0)
    expect(parts['docProps/core.xml']).toContain(`<dc:title>${TITLE}</dc:title>`)
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    expect(headers.length).toBeGreaterThan(0)
    for (const [name, xml] of headers) expect(count(xml, '征求意见稿'), name).toBe(1)
  })

  it('the print HTML (and so the PDF title) of a 正式稿 has no draft word; a draft has its label once', () => {
    const report = withSuffixInTitle('（征求意见稿）')
    const final = buildPrintHtml(report, { draftLabel: null, fonts: null })
    expect(count(final, '征求意见稿')).toBe(0)
    expect(final).toContain(`<title>${TITLE}</title>`)
    const draft = buildPrintHtml(report, { draftLabel: '征求意见稿', fonts: null })
    expect(draft).toContain(`<title>${TITLE}（征求意见稿）</title>`)
    // once in the title metadata, once in the page header rule, never in the body
    expect(count(draft, '征求意见稿')).toBe(2)
    expect(count(draft.slice(draft.indexOf('<body>')), '征求意见稿')).toBe(0)
  })

  it('the export dialog starts on the stored status and offers its label', () => {
    const meta = npcReportFixture().meta
    expect(defaultDraftLabel({ ...meta, status: 'draft', draftLabel: '' })).toBeNull()
    expect(defaultDraftLabel({ ...meta, status: 'draft', draftLabel: '讨论稿' })).toBe('讨论稿')
    expect(defaultDraftLabel({ ...meta, status: 'final', draftLabel: '讨论稿' })).toBeNull()
    expect(draftLabelChoices({ draftLabel: '送审稿' })).toEqual(['送审稿', '征求意见稿', '讨论稿'])
    expect(draftLabelChoices({ draftLabel: '' })).toEqual(['征求意见稿', '讨论稿'])
  })
})
