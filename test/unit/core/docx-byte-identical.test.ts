import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { generateReport } from '../../../bench/generate-report'
import { heading, MarkType, NodeType, paragraph, textNode, type DocNode } from '../../../core/document-model'
import { buildDocx } from '../../../core/export/docx/build-docx'
import type { DraftLabel } from '../../../core/ipc/export-api'
import type { ReportFile } from '../../../core/report-file'
import { zipDocx } from '../../../main/export/zip-docx'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

/**
 * The DOCX builder writes the same bytes for the same report as the builder before it was made faster (commit
 * 234a600: one docx-library object per paragraph and run). The expected SHA-256 of the whole file and of each part
 * are in test/fixtures/docx-golden.json, taken from that builder with the clock fixed (the zip and docProps/core.xml
 * hold the time). A change meant to alter the output regenerates them: WRS_UPDATE_DOCX_GOLDEN=1 npx vitest run <this file>.
 */
const goldenPath = 'test/fixtures/docx-golden.json'
const update = process.env.WRS_UPDATE_DOCX_GOLDEN === '1'

/** Every inline and block form the builder knows, including the awkward ones. */
function edgeCaseReport(): ReportFile {
  const base = npcReportFixture({ layout: { mirrorMargins: true, latinTimes: false, linePitchPt: 30 } })
  const bold = (text: string): DocNode => textNode(text, [{ type: MarkType.bold }])
  const review = (text: string): DocNode => textNode(text, [{ type: MarkType.needsReview }])
  const br: DocNode = { type: NodeType.hardBreak }
  const item = (...content: DocNode[]): DocNode => ({ type: NodeType.listItem, content })
  const cell = (type: string, text: string, attrs?: Record<string, unknown>): DocNode => ({
    type,
    ...(attrs ? { attrs } : {}),
    content: [paragraph(text)],
  })
  const content: DocNode[] = [
    { type: NodeType.reportTitle, content: [textNode('金水区人民代表大会'), br, textNode('常务委员会工作报告')] },
    {
      type: NodeType.reportSubtitle,
      content: [textNode('——2024年1月16日在金水区第十七届人民代表大会第四次会议暨全区经济工作会议上')],
    },
    { type: NodeType.speakerLine, content: [textNode('金水区人大常委会主任  王建国')] },
    { type: NodeType.salutation, content: [textNode('各位代表：')] },
    { type: NodeType.paragraph },
    { type: NodeType.paragraph, content: [br, textNode('前有换行'), br, br, textNode('中间两次'), br] },
    {
      type: NodeType.paragraph,
      content: [bold('加粗开头。'), textNode('随后正文'), review('12.5'), textNode('亿元。')],
    },
    paragraph('特殊字符 <a href="x">&amp;</a> \'单引号\' "双引号" \u0007控制符 \u00a0不换行空格 \t制表符'),
    heading(1, '2023年主要工作', { role: 'review' }),
    { type: NodeType.guidance, attrs: { text: '请写……' } },
    heading(2, '加粗的小标题', { runIn: false }),
    { ...heading(2, ''), content: [bold('全加粗的引领句。')], attrs: { level: 2, role: null, runIn: true } },
    { type: NodeType.paragraph, content: [textNode('正文有'), bold('加粗'), textNode('和'), br, textNode('换行。')] },
    heading(3, '后面不是段落的引领句。', { runIn: true }),
    {
      type: NodeType.bulletList,
      content: [
        item(paragraph('第一项'), paragraph('第一项的第二段')),
        item(paragraph('第二项'), {
          type: NodeType.orderedList,
          content: [item(paragraph('嵌套一')), item(paragraph('嵌套二'))],
        }),
      ],
    },
    { type: NodeType.orderedList, content: [item(paragraph('另起编号一')), item(paragraph('另起编号二'))] },
    heading(4, '表格'),
    {
      type: NodeType.table,
      content: [
        {
          type: NodeType.tableRow,
          content: [
            cell(NodeType.tableHeader, '项目', { colwidth: [120] }),
            cell(NodeType.tableHeader, '数量', { colwidth: [60], colspan: 2 }),
          ],
        },
        {
          type: NodeType.tableRow,
          content: [cell(NodeType.tableCell, '执法检查'), cell(NodeType.tableCell, '4'), { type: NodeType.tableCell }],
        },
      ],
    },
    { type: NodeType.table, content: [{ type: NodeType.tableRow, content: [cell(NodeType.tableCell, '无表头')] }] },
    heading(1, '', { role: 'tasks' }),
    paragraph('各位代表！让我们……'),
  ]
  return { ...base, doc: { type: NodeType.doc, content } }
}

const cases: Array<[string, () => ReportFile, DraftLabel | null]> = [
  ['fixture report, final', () => npcReportFixture(), null],
  ['fixture report, year parts, draft', () => npcReportFixture({ numbering: 'yearParts' }), '讨论稿'],
  ['edge cases, draft', edgeCaseReport, '征求意见稿'],
  ['generated 25-page report, final', () => generateReport(25), null],
]

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('buildDocx output is byte-identical for the same report', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2025-01-16T09:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<
    string,
    { file: string; parts: Record<string, string> }
  >
  const fresh: typeof golden = {}

  for (const [name, report, draftLabel] of cases) {
    it(name, async () => {
      const bytes = await buildDocx(report(), { draftLabel })
      const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([path, data]) => [path, sha(data)]))
      fresh[name] = { file: sha(bytes), parts }
      if (update) return
      expect(parts).toEqual(golden[name]?.parts)
      expect(sha(bytes)).toBe(golden[name]?.file)
    })
  }

  // The Node side zips the same files with zlib (main/export/zip-docx.ts): other deflate bytes, the same files inside,
  // in the same order, a zip that unzip tools and Word read.
  for (const [name, report, draftLabel] of cases) {
    it(`${name}: zipped with zlib, the same files`, async () => {
      const bytes = await buildDocx(report(), { draftLabel, zip: files => zipDocx(files) })
      const files = unzipSync(bytes)
      const parts = Object.fromEntries(Object.entries(files).map(([path, data]) => [path, sha(data)]))
      if (update) return
      expect(Object.keys(parts)).toEqual(Object.keys(golden[name]!.parts))
      expect(parts).toEqual(golden[name]?.parts)
      const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-zip-docx-'))
      try {
        writeFileSync(path.join(folder, 'r.docx'), bytes)
        const tested = spawnSync('unzip', ['-t', path.join(folder, 'r.docx')], { encoding: 'utf8' })
        expect(tested.stdout).toContain('No errors detected')
      } finally {
        rmSync(folder, { recursive: true, force: true })
      }
    })
  }

  afterAll(() => {
    if (update) writeFileSync(goldenPath, JSON.stringify(fresh, null, 2) + '\n')
  })
})
