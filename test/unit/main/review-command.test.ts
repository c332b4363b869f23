import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { summaryColumns } from '../../../core/review/review-table-docx'
import { baseReport } from '../../fixtures/review/review-base'
import { markedReport } from '../../fixtures/review/review-marked'
import { reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'

const tempDir = tempDirs('wrs-review-cli-')

function setUp(): string {
  const dir = tempDir()
  writeFileSync(path.join(dir, 'report.wrs'), serializeReportFile(baseReport()))
  for (const name of ['copy-comments.docx', 'copy-tracked.docx', 'copy-untracked.docx'])
    copyFileSync(path.join(reviewFixturesDir, name), path.join(dir, name))
  return dir
}

const readReport = (file: string) => {
  const parsed = parseReportFile(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

describe('wrs export of a 征求意见稿', () => {
  it('--markup carries the comments and suggestions, --to names the recipient, and the send is recorded in the report', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'marked.wrs'), serializeReportFile(markedReport()))
    const sent = await runWrs(
      ['export', 'marked.wrs', '--docx', '给财经委.docx', '--draft', '征求意见稿', '--markup', '--to', '财经委'],
      dir,
    )
    expect(sent.err).toBe('')
    expect(sent.code).toBe(0)
    expect(sent.out).toContain('已在报告中记下这次发出（发给财经委）')
    const report = readReport(path.join(dir, 'marked.wrs'))
    expect(report.review.round.sends).toEqual([
      expect.objectContaining({
        to: '财经委',
        file: '给财经委.docx',
        markup: true,
        version: report.review.sentVersions[0]!.id,
      }),
    ])
    expect(report.review.sentVersions[0]!.doc).toEqual(markedReport().doc)
    const files = unzipSync(readFileSync(path.join(dir, '给财经委.docx')))
    expect(strFromU8(files['word/document.xml']!)).toContain('<w:del ')
    expect(strFromU8(files['word/comments.xml']!)).toContain('数字请核对。')
    expect(strFromU8(files['docProps/custom.xml']!)).toContain(report.review.round.sends[0]!.id)
    // A second copy of the same text keeps the one sent version.
    await runWrs(['export', 'marked.wrs', '--docx', '给法制委.docx', '--draft', '征求意见稿', '--to', '法制委'], dir)
    const again = readReport(path.join(dir, 'marked.wrs'))
    expect(again.review.round.sends.map(send => [send.to, send.markup])).toEqual([
      ['财经委', true],
      ['法制委', false],
    ])
    expect(again.review.sentVersions).toHaveLength(1)
    const clean = strFromU8(unzipSync(readFileSync(path.join(dir, '给法制委.docx')))['word/document.xml']!)
    expect(clean).not.toMatch(/<w:ins |<w:del |commentRange/)
  })

  it('refuses --markup and --to without --draft 征求意见稿, and --markup for a PDF only', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'marked.wrs'), serializeReportFile(markedReport()))
    const noDraft = await runWrs(['export', 'marked.wrs', '--docx', 'a.docx', '--markup'], dir)
    expect(noDraft.code).toBe(2)
    expect(noDraft.err).toContain('--draft 征求意见稿')
    const pdf = await runWrs(['export', 'marked.wrs', '--pdf', 'a.pdf', '--draft', '征求意见稿', '--markup'], dir)
    expect(pdf.code).toBe(2)
    expect(pdf.err).toContain('PDF 不带批注和修订')
  })
})

describe('wrs review', () => {
  it('merges returned copies, lists them in the issue’s JSON shape, accepts one author’s, and writes the summary table', async () => {
    const dir = setUp()
    const merge = await runWrs(
      [
        'review',
        'merge',
        'report.wrs',
        'copy-tracked.docx',
        'copy-untracked.docx',
        'copy-comments.docx',
        '-o',
        'merged.wrs',
        '--as',
        'copy-comments.docx=法制工作委员会',
      ],
      dir,
    )
    expect(merge.err).toBe('')
    expect(merge.code).toBe(0)
    expect(merge.out).toContain('copy-tracked.docx（王芳，有修订标记）')
    expect(merge.out).toContain('copy-untracked.docx（财经委，未标记修订）')
    expect(merge.out).toContain('copy-comments.docx（法制工作委员会，未标记修订）：批注 3，回复 1')
    expect(merge.out).toMatch(/有 2 处句子被不止一份反馈稿修改/)
    expect(merge.out).toMatch(/copy-tracked\.docx\s*│ 全年共审议法规草案九件/)
    // The input is only read.
    expect(readReport(path.join(dir, 'report.wrs')).review.round.returns).toEqual([])

    const list = await runWrs(['review', 'list', 'merged.wrs', '--json'], dir)
    expect(list.code).toBe(0)
    const items = JSON.parse(list.out) as Array<Record<string, unknown>>
    for (const item of items)
      expect(Object.keys(item)).toEqual(['id', 'source', 'author', 'kind', 'part', 'quote', 'text', 'status'])
    expect(items.filter(item => item.kind === 'comment')).toHaveLength(3)
    expect(items.find(item => item.text === '九')).toMatchObject({
      source: 'copy-tracked.docx',
      author: '办公厅 王芳',
      kind: 'insertion',
      part: '过去一年的主要工作',
      quote: '全年共审议法规草案八件，听取和审议专项工作报告十五个。',
      status: 'pending',
    })

    const refused = await runWrs(['export', 'merged.wrs', '--docx', 'final.docx'], dir)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('STR-REVIEW-PENDING')

    const accept = await runWrs(['review', 'accept', 'merged.wrs', '--author', '办公厅 王芳'], dir)
    expect(accept.code).toBe(0)
    expect(accept.out).toContain('已接受 8 处修订')
    const after = JSON.parse((await runWrs(['review', 'list', 'merged.wrs', '--json'], dir)).out) as Array<
      Record<string, unknown>
    >
    expect(after.filter(item => item.author === '办公厅 王芳').every(item => item.status === 'accepted')).toBe(true)
    expect(after.filter(item => item.author === '财经委').every(item => item.status === 'pending')).toBe(true)

    const id = after.find(item => item.author === '财经委')!.id as string
    const set = await runWrs(
      ['review', 'set', 'merged.wrs', '--id', id, '--disposition', '部分采纳', '--note', '改为“十件”'],
      dir,
    )
    expect(set.code).toBe(0)
    expect(readReport(path.join(dir, 'merged.wrs')).review.dispositions[id]).toEqual({
      disposition: '部分采纳',
      note: '改为“十件”',
    })

    const table = await runWrs(['review', 'table', 'merged.wrs', '-o', '意见汇总表.docx'], dir)
    expect(table.code).toBe(0)
    const xml = strFromU8(unzipSync(readFileSync(path.join(dir, '意见汇总表.docx')))['word/document.xml']!)
    expect(xml).toContain('w:orient="landscape"')
    for (const column of summaryColumns) expect(xml).toContain(`>${column}<`)
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toContain('法制工作委员会（法工委 张明）')
    expect(xml).toContain('增加“九”')
    expect(xml).toContain('部分采纳')
    expect(xml).toContain('改为“十件”')
  })

  it('refuses what it cannot do with a zh-CN sentence and writes nothing', async () => {
    const dir = setUp()
    writeFileSync(path.join(dir, 'broken.docx'), 'not a zip')
    const bad = await runWrs(['review', 'merge', 'report.wrs', 'broken.docx', '-o', 'merged.wrs'], dir)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('不是有效的 Word 文档')
    expect(bad.err).toContain('没有写入任何文件')
    const noTarget = await runWrs(['review', 'merge', 'report.wrs', 'copy-tracked.docx'], dir)
    expect(noTarget.code).toBe(2)
    expect(noTarget.err).toContain('-o')
    const exists = await runWrs(['review', 'merge', 'report.wrs', 'copy-tracked.docx', '-o', 'report.wrs'], dir)
    expect(exists.code).toBe(2)
    expect(exists.err).toContain('已经存在')
    const none = await runWrs(['review', 'accept', 'report.wrs', '--all'], dir)
    expect(none.code).toBe(1)
    expect(none.err).toContain('没有待处理的修订')
    const both = await runWrs(['review', 'reject', 'report.wrs', '--all', '--id', 'x'], dir)
    expect(both.code).toBe(2)
  })
})
