import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeText } from '../../../core/document-model'
import { decodeText } from '../../../main/import/decode-text'
import { zipEntries } from '../../../main/import/zip-entries'
import { readFeedbackBytes } from '../../../main/review/read-feedback-file'
import { importReportFile } from '../../../main/services/import-service'
import { reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'
import { importOutline } from '../core/import-outline'
import { docxWithHeadingStyles } from './docx-import-fixtures'

/** Issue 13: files other software writes, and that were refused or misread, import. */

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-valid-inputs-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

async function imported(name: string, bytes: Uint8Array | string) {
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  const result = await importReportFile(file)
  if (!result.ok) throw new Error(result.message)
  return { report: result.value.reports[0]!, notes: result.value.notes }
}

const expectedParts = [
  { role: 'review', title: '2023年主要工作', sections: ['坚持党的全面领导', '依法履行监督职责', '支持代表依法履职'] },
  { role: 'tasks', title: '2024年主要任务', sections: ['聚焦中心大局', '加强自身建设'] },
]

const reportText = [
  '××区人民代表大会常务委员会工作报告',
  '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
  '各位代表：',
  '一、2023年主要工作',
  '2023年，常委会依法履职，全年召开常委会会议11次。',
  '二、2024年主要任务',
  '围绕高质量发展开展监督。',
].join('\n')

describe('DOCX packages other software writes', () => {
  it('finds the main part through _rels/.rels when it is not word/document.xml', async () => {
    const files = unzipSync(await docxWithHeadingStyles())
    files['word/main.xml'] = files['word/document.xml']!
    files['word/_rels/main.xml.rels'] = files['word/_rels/document.xml.rels']!
    delete files['word/document.xml']
    delete files['word/_rels/document.xml.rels']
    files['_rels/.rels'] = strToU8(strFromU8(files['_rels/.rels']!).replace('word/document.xml', 'word/main.xml'))
    files['[Content_Types].xml'] = strToU8(
      strFromU8(files['[Content_Types].xml']!).replace('/word/document.xml', '/word/main.xml'),
    )
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="word/main.xml"')
    const { report } = await imported('main-part.docx', zipSync(files))
    expect(importOutline(report).parts).toEqual(expectedParts)
  })

  it('lists a zip of 10,000 small entries without running out of stack', async () => {
    const files = unzipSync(await docxWithHeadingStyles())
    for (let index = 0; index < 10_000; index++) files[`customXml/item${index}.xml`] = strToU8(`<i n="${index}"/>`)
    const bytes = zipSync(files)
    expect(zipEntries(bytes)).toHaveLength(Object.keys(files).length)
    const { report } = await imported('many-entries.docx', bytes)
    expect(importOutline(report).parts).toEqual(expectedParts)
  })

  it('reads a WPS outline level set on the paragraph itself (no style, numbering or bold) as a heading', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '××区人民代表大会常务委员会工作报告' }),
            new Paragraph({ text: '各位代表：' }),
            new Paragraph({ text: '过去一年工作回顾', outlineLevel: 0 }),
            new Paragraph({ text: '全年召开常委会会议11次，审议议题42项。' }),
            new Paragraph({ text: '监督工作扎实有效', style: 'Normal', outlineLevel: 1 }),
            new Paragraph({ text: '听取审议专项工作报告10项。' }),
            new Paragraph({ text: '今年工作安排', outlineLevel: 0 }),
            new Paragraph({ text: '围绕高质量发展开展监督。' }),
            new Paragraph({ text: '正文级别的段落也是正文。', outlineLevel: 9 }),
          ],
        },
      ],
    })
    const bytes = new Uint8Array(await Packer.toBuffer(document))
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!)
    expect(xml).toContain('<w:outlineLvl w:val="0"/>')
    // a body style on the paragraph: its own outline level still makes it a heading
    expect(xml).toMatch(/<w:pStyle w:val="Normal"\/>.*?<w:outlineLvl w:val="1"\/>/)
    const { report } = await imported('wps-outline.docx', bytes)
    expect(importOutline(report).parts).toEqual([
      expect.objectContaining({ title: '过去一年工作回顾', sections: ['监督工作扎实有效'] }),
      expect.objectContaining({ title: '今年工作安排', sections: [] }),
    ])
    expect((report.doc.content ?? []).map(nodeText)).toContain('正文级别的段落也是正文。')
  })
})

describe('text files that are not clean UTF-8', () => {
  it('keeps a UTF-8 text with one bad byte and names its line', async () => {
    const bytes = new TextEncoder().encode(reportText)
    const lines = reportText.split('\n')
    const at = new TextEncoder().encode(lines.slice(0, 4).join('\n') + '\n2023年').length
    const broken = new Uint8Array([...bytes.subarray(0, at), 0xff, ...bytes.subarray(at)])
    const { report, notes } = await imported('bad-byte.txt', broken)
    expect(notes.join('\n')).toContain('“bad-byte.txt”第 5 行有 1 处字节不是有效的 UTF-8 文字')
    expect((report.doc.content ?? []).map(nodeText)).toContain('2023年\ufffd，常委会依法履职，全年召开常委会会议11次。')
  })

  it('keeps a UTF-8 text cut in the middle of its last character, without the half character', async () => {
    const bytes = new TextEncoder().encode(reportText)
    const { report, notes } = await imported('cut.txt', bytes.subarray(0, bytes.length - 1))
    expect(notes.join('\n')).toContain('最后一个字在文件末尾被截断')
    expect((report.doc.content ?? []).map(nodeText)).toContain('围绕高质量发展开展监督')
  })

  it('detects UTF-16 LE and BE without a BOM', async () => {
    const little = Buffer.from(reportText, 'utf16le')
    const big = Buffer.from(little).swap16()
    expect(decodeText(little, 'a.txt')).toMatchObject({ ok: true, text: reportText, encoding: 'UTF-16LE' })
    expect(decodeText(big, 'a.txt')).toMatchObject({ ok: true, text: reportText, encoding: 'UTF-16BE' })
    for (const [name, bytes] of [
      ['le.txt', little],
      ['be.txt', big],
    ] as const) {
      const { report, notes } = await imported(name, bytes)
      expect(notes.join('\n')).toContain('没有字节顺序标记')
      expect(importOutline(report).parts.map(part => part.title)).toEqual(['2023年主要工作', '2024年主要任务'])
    }
  })

  it('still calls binary data binary and GBK text GBK', () => {
    const junk = new Uint8Array(4096).map((_, index) => (index * 97 + 13) % 256)
    expect(decodeText(junk, 'junk.txt').ok).toBe(false)
    const gbk = new Uint8Array([0xb8, 0xf7, 0xce, 0xbb, 0xb4, 0xfa, 0xb1, 0xed, 0xa3, 0xba])
    expect(decodeText(gbk, 'gbk.txt')).toMatchObject({ ok: true, text: '各位代表：', encoding: 'GB18030' })
  })
})

describe('a returned 征求意见稿 copy packaged by other software', () => {
  it('is read through its package relationships, its parts from the counted inflate', async () => {
    const original = readFileSync(path.join(reviewFixturesDir, 'copy-comments.docx'))
    const files = unzipSync(original)
    files['word/main.xml'] = files['word/document.xml']!
    delete files['word/document.xml']
    if (files['word/_rels/document.xml.rels']) {
      files['word/_rels/main.xml.rels'] = files['word/_rels/document.xml.rels']!
      delete files['word/_rels/document.xml.rels']
    }
    files['_rels/.rels'] = strToU8(strFromU8(files['_rels/.rels']!).replace('word/document.xml', 'word/main.xml'))
    const moved = readFeedbackBytes(zipSync(files), 'moved.docx')
    const same = readFeedbackBytes(new Uint8Array(original), 'copy-comments.docx')
    expect(moved.ok && same.ok).toBe(true)
    if (!moved.ok || !same.ok) return
    expect({ ...moved.value, digest: '', file: '' }).toEqual({ ...same.value, digest: '', file: '' })
  })
})
