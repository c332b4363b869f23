import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '../../../../core/export/docx/build-docx'
import { collectReviewMarks } from '../../../../core/review/collect-review-marks'
import { readFeedbackCopy } from '../../../../core/review/feedback/read-feedback-copy'
import { markedReport } from '../../../fixtures/review/review-marked'

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes)
  const text = (name: string) => (files[name] ? strFromU8(files[name]!) : undefined)
  return {
    document: text('word/document.xml')!,
    comments: text('word/comments.xml'),
    commentsExtended: text('word/commentsExtended.xml'),
    settings: text('word/settings.xml')!,
    types: text('[Content_Types].xml')!,
    rels: text('word/_rels/document.xml.rels')!,
  }
}

describe('a 征求意见稿 DOCX with markup', () => {
  it('carries every pending suggestion as a Word revision and every comment with its replies', async () => {
    const report = markedReport()
    const xml = parts(await buildDocx(report, { draftLabel: '征求意见稿', markup: true }))
    // Deletion: the text kept in w:delText inside w:del, with author and date.
    expect(xml.document).toMatch(
      /<w:del w:id="\d+" w:author="办公室 张三" w:date="2024-01-04T08:30:00Z"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:delText xml:space="preserve">八<\/w:delText><\/w:r><\/w:del>/,
    )
    expect(xml.document).toMatch(
      /<w:ins w:id="\d+" w:author="办公室 张三" w:date="2024-01-04T08:30:00Z"><w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t xml:space="preserve">九<\/w:t><\/w:r><\/w:ins>/,
    )
    // Paragraph ends: deleted (joined with the next) and inserted (split), in w:pPr/w:rPr.
    expect(xml.document).toMatch(
      /<w:rPr><w:del w:id="\d+" w:author="财经委 李四" w:date="2024-01-04T15:05:00Z"\/><\/w:rPr><\/w:pPr>/,
    )
    expect(xml.document).toMatch(
      /<w:rPr><w:ins w:id="\d+" w:author="财经委 李四" w:date="2024-01-04T15:05:00Z"\/><\/w:rPr><\/w:pPr>/,
    )
    // Comment ranges around 八…件, for the comment and its reply, with references.
    expect(xml.document).toContain('<w:commentRangeStart w:id="0"/><w:commentRangeStart w:id="1"/>')
    expect(xml.document).toContain('<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>')
    expect(xml.comments).toContain('w:author="研究室 王五" w:date="2024-01-03T09:00:00Z"')
    expect(xml.comments).toContain('已改为九件。')
    expect(xml.commentsExtended).toMatch(
      /<w15:commentEx w15:paraId="00000002" w15:paraIdParent="00000001" w15:done="0"\/>/,
    )
    expect(xml.commentsExtended).toMatch(/<w15:commentEx w15:paraId="00000003" w15:done="1"\/>/)
    expect(xml.types).toContain('/word/comments.xml')
    expect(xml.rels).toContain('Target="commentsExtended.xml"')
    // 修订 is on for the recipient, in the schema's place (before defaultTabStop).
    expect(xml.settings).toMatch(/<w:trackRevisions\/><w:defaultTabStop/)
    expect(xml.document).not.toMatch(/[\uF8F0-\uF8F3]/)
  })

  it('reads back (our reader) as the same changes and comments', async () => {
    const report = markedReport()
    const bytes = await buildDocx(report, { draftLabel: '征求意见稿', markup: true })
    const xml = parts(bytes)
    const copy = readFeedbackCopy('sent.docx', {
      document: xml.document,
      comments: xml.comments,
      commentsExtended: xml.commentsExtended,
    })
    const changes = copy.paragraphs.flatMap(paragraph => [
      ...paragraph.runs.filter(run => run.kind !== 'keep').map(run => `${run.kind}:${run.text}:${run.author}`),
      ...(paragraph.mark ? [`mark-${paragraph.mark.kind}:${paragraph.mark.author}`] : []),
    ])
    expect(changes).toEqual([
      'del:八:办公室 张三',
      'ins:九:办公室 张三',
      'mark-del:财经委 李四',
      'ins:并:财经委 李四',
      'mark-ins:财经委 李四',
    ])
    expect(
      copy.comments.map(comment => [comment.author, comment.text, comment.parentParaId !== null, comment.done]),
    ).toEqual([
      ['研究室 王五', '数字请核对。', false, false],
      ['办公室 张三', '已改为九件。', true, false],
      ['研究室 王五', '与下一段合并。', false, true],
    ])
  })

  it('a clean export never carries markup: it prints the text with every change accepted', async () => {
    const report = markedReport()
    expect(collectReviewMarks(report.doc).suggestions.length).toBe(4)
    for (const draftLabel of ['征求意见稿', null] as const) {
      const xml = parts(await buildDocx(report, { draftLabel }))
      expect(xml.document).not.toMatch(/<w:ins |<w:del |w:delText|commentRange|commentReference/)
      expect(xml.comments ?? '').not.toContain('数字请核对')
      expect(xml.settings).not.toContain('trackRevisions')
      expect(xml.document).toContain('全年共审议法规草案')
      expect(xml.document).not.toContain('>八<')
    }
  })
})
