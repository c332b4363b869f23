import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { IMPORT_MAX_PARAGRAPHS } from '../../../core/import/import-limits'
import { importText } from '../../../core/import/import-text'
import { REPORT_MAX_NESTING, serializeReportFile } from '../../../core/report-file'
import { rollForward } from '../../../core/reuse/roll-forward'
import { unexpectedErrorMessage } from '../../../main/cli/run-cli'
import { reportTextTooLarge, writeReportFile } from '../../../main/services/file-service'
import { writeErrorMessage } from '../../../main/services/write-error-message'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'

/** Issue 13: work bounded by the input, refusals before the work, every CLI error in zh-CN. */

const tempDir = tempDirs('wrs-bounds-')
const han = /[\u4e00-\u9fff]/

const base = importText(
  [
    '二七区人民代表大会常务委员会工作报告',
    '各位代表：',
    '一、2023年主要工作',
    '全年召开常委会会议11次。',
    '二、2024年主要任务',
    '围绕中心开展监督。',
  ].join('\n'),
).reports[0]!

function withContent(extra: DocNode[]) {
  return { ...base, doc: { ...base.doc, content: [...(base.doc.content ?? []), ...extra] } }
}

function deepList(depth: number): DocNode {
  let item: DocNode = {
    type: 'listItem',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '最深处。' }] }],
  }
  for (let level = 0; level < depth; level++)
    item = {
      type: 'listItem',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: `第${level}层。` }] },
        { type: 'bulletList', content: [item] },
      ],
    }
  return { type: 'bulletList', content: [item] }
}

function expectZhRefusal(result: { code: number; out: string; err: string }, words: RegExp) {
  expect(result.code).toBe(2)
  expect(result.err).toMatch(words)
  expect(result.err).toMatch(han)
  expect(result.err).not.toMatch(/Maximum call stack|RangeError|\n\s+at /)
}

describe('limits stated in paragraphs and bytes, enforced before the work', () => {
  it(`refuses a text of more than ${IMPORT_MAX_PARAGRAPHS} paragraphs before structure analysis, writing nothing`, async () => {
    const dir = tempDir()
    const lines = Array.from({ length: IMPORT_MAX_PARAGRAPHS + 1 }, (_, index) => `第${index}行。`)
    writeFileSync(path.join(dir, 'lines.txt'), lines.join('\n'))
    const result = await runWrs(['import', 'lines.txt', '-o', 'out.wrs'], dir)
    expectZhRefusal(result, /50,001 个段落，超过了一次导入 50,000 个段落的上限/)
    expect(readdirSync(dir)).toEqual(['lines.txt'])
  })

  it('refuses a DOCX whose tables nest too deep for the reader, naming the depth', async () => {
    const dir = tempDir()
    const files = unzipSync(
      new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('HERE')] }] }))),
    )
    let table = '<w:p><w:r><w:t>最深处</w:t></w:r></w:p>'
    for (let level = 0; level < 1000; level++)
      table = `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${table}<w:p/></w:tc></w:tr></w:tbl>`
    const xml = strFromU8(files['word/document.xml']!)
    files['word/document.xml'] = strToU8(xml.replace(/<w:p>(?:(?!<w:p>).)*HERE.*?<\/w:p>/, table))
    writeFileSync(path.join(dir, 'tables.docx'), zipSync(files))
    const result = await runWrs(['import', 'tables.docx', '-o', 'out.wrs'], dir)
    expectZhRefusal(result, /正文嵌套了 \d+ 层（如表格套表格），超过了 200 层的导入上限/)
    expect(readdirSync(dir)).toEqual(['tables.docx'])
  })

  it('never writes a .wrs larger than a report file may be', () => {
    expect(reportTextTooLarge('报'.repeat(1000), 'a.wrs')).toBeUndefined()
    expect(reportTextTooLarge('报'.repeat(23 * 1024 * 1024), 'a.wrs')).toMatch(/超过了报告文件 64 MB 的上限/)
  })
})

describe('deep inputs: a depth limit refused in zh-CN, flat ones iterative', () => {
  it('a 500-deep list in a .wrs is refused by check, export, rollforward and import with the depth', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'deep.wrs')
    writeFileSync(file, JSON.stringify(withContent([deepList(500)])))
    const before = readFileSync(file, 'utf8')
    for (const argv of [
      ['check', 'deep.wrs'],
      ['export', 'deep.wrs', '--docx', 'deep.docx'],
      ['rollforward', 'deep.wrs', '-o', 'next.wrs'],
      ['import', 'deep.wrs', '-o', 'copy.wrs'],
    ]) {
      expectZhRefusal(await runWrs(argv, dir), new RegExp(`嵌套太深（结构层数 \\d+，上限 ${REPORT_MAX_NESTING}`))
    }
    expect(readdirSync(dir)).toEqual(['deep.wrs'])
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('a list just under the limit is checked, exported and rolled forward', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'deep.wrs'), serializeReportFile(withContent([deepList(120)])))
    expect((await runWrs(['check', 'deep.wrs'], dir)).err).not.toMatch(/命令执行失败/)
    const exported = await runWrs(['export', 'deep.wrs', '--docx', 'deep.docx'], dir)
    expect(exported.err).not.toMatch(/命令执行失败/)
    expect((await runWrs(['rollforward', 'deep.wrs', '-o', 'next.wrs'], dir)).code).toBe(0)
  })

  it('rolls forward a report of 130,000 flat paragraphs', () => {
    const paragraphs = Array.from({ length: 130_000 }, (_, index) => ({
      type: 'paragraph',
      content: [{ type: 'text', text: `段落${index}。` }],
    }))
    const next = rollForward(withContent(paragraphs), { sourceFile: 'last.wrs', now: '2024-01-01T00:00:00.000Z' })
    expect(next.doc.content!.length).toBeGreaterThan(130_000)
  })
})

describe('CLI errors in zh-CN', () => {
  it('a stack overflow or an engine message becomes a zh-CN sentence', () => {
    let overflow: unknown
    const recurse = (depth: number): number => recurse(depth + 1) + 1
    try {
      recurse(0)
    } catch (error) {
      overflow = error
    }
    expect(unexpectedErrorMessage(overflow)).toMatch(/^命令执行失败：输入文件的结构嵌套太深/)
    expect(unexpectedErrorMessage(new TypeError("Cannot read properties of undefined (reading 'x')"))).not.toMatch(
      /Cannot|undefined/,
    )
    expect(unexpectedErrorMessage(new Error('文件损坏'))).toContain('文件损坏')
  })

  it('a file that could not be built is named without the engine’s English, for the editor and the command line', () => {
    const overflow = new RangeError('Maximum call stack size exceeded')
    for (const from of ['editor', 'cli'] as const) {
      const message = writeErrorMessage(overflow, '报告.docx', from)
      expect(message).toMatch(/^生成“报告\.docx”时出错（报告的内容过多或结构嵌套过深）/)
      expect(message).not.toMatch(/Maximum|RangeError/)
      if (from === 'cli') expect(message).not.toMatch(/编辑器/)
    }
  })

  it('rollforward whose output cannot be written says so without the editor-only sentence', async () => {
    const dir = tempDir()
    writeFileSync(path.join(dir, 'last.wrs'), serializeReportFile(base))
    writeFileSync(path.join(dir, 'blocker'), 'a file where a folder should be')
    const result = await runWrs(['rollforward', 'last.wrs', '-o', 'blocker/next.wrs'], dir)
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/写入“.*next\.wrs”失败（ENOTDIR）/)
    expect(result.err).not.toMatch(/编辑器|恢复快照|撤销/)
  })

  it('a report that does not fit the format is refused for the command line without the editor’s advice', async () => {
    const dir = tempDir()
    const written = await writeReportFile(
      path.join(dir, 'x.wrs'),
      { ...base, meta: { ...base.meta, planYear: 'x' } },
      'cli',
    )
    expect(written.ok).toBe(false)
    if (!written.ok) expect(written.message).not.toMatch(/编辑器|撤销/)
    expect(readdirSync(dir)).toEqual([])
  })
})
