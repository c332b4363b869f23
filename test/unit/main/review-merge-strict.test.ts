import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeText, type DocNode } from '../../../core/document-model'
import { mergeFeedback } from '../../../core/review/feedback/merge-feedback'
import { resolveSuggestions } from '../../../core/review/resolve-suggestions'
import { readFeedbackFile } from '../../../main/review/read-feedback-file'
import { baseReport } from '../../fixtures/review/review-base'
import { reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-review-strict-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Transitional names and their ISO/IEC 29500 Strict counterparts, as in a returned copy saved as “Strict Open XML 文档”. */
const strictNames: Array<[string, string]> = [
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
]

/** The copy as a Strict package whose main part and comments part have other names, found only through relationships. */
function strictCopy(name: string): string {
  const files = unzipSync(readFileSync(path.join(reviewFixturesDir, name)))
  const renames: Record<string, string> = {
    'word/document.xml': 'word/main.xml',
    'word/_rels/document.xml.rels': 'word/_rels/main.xml.rels',
    'word/comments.xml': 'word/remarks.xml',
  }
  const out: Record<string, Uint8Array> = {}
  for (const [part, bytes] of Object.entries(files)) {
    let text = strFromU8(bytes)
    if (/\.(xml|rels)$/.test(part)) {
      for (const [from, to] of strictNames) text = text.replaceAll(from, to)
      text = text
        .replaceAll('word/document.xml', 'word/main.xml')
        .replace('Target="comments.xml"', 'Target="remarks.xml"')
        .replace('/word/comments.xml', '/word/remarks.xml')
        .replace('<w:document ', '<w:document w:conformance="strict" ')
    }
    out[renames[part] ?? part] = strToU8(text)
  }
  expect(strFromU8(out['word/main.xml']!)).toContain('purl.oclc.org/ooxml/wordprocessingml/main')
  expect(Object.keys(out)).not.toContain('word/comments.xml')
  const file = path.join(folder, `strict-${name}`)
  writeFileSync(file, zipSync(out))
  return file
}

async function read(file: string) {
  const result = await readFeedbackFile(file)
  if (!result.ok) throw new Error(result.message)
  return result.value
}

const texts = (doc: DocNode): string[] => (doc.content ?? []).map(block => nodeText(block))
const options = { now: '2024-01-12T09:00:00Z', newId: (prefix: string) => `${prefix}${Math.random()}` }

describe('merging a returned copy saved as Strict Open XML', () => {
  it('reads its comments (found through the relationships) as the Transitional copy’s', async () => {
    const strict = await read(strictCopy('copy-comments.docx'))
    const transitional = await read(path.join(reviewFixturesDir, 'copy-comments.docx'))
    expect(strict.comments.length).toBe(4)
    expect({ ...strict, file: '', digest: '' }).toEqual({ ...transitional, file: '', digest: '' })
    const merged = mergeFeedback(baseReport(), [strict], options)
    expect(merged.report.review.comments.map(thread => [thread.author, thread.text])).toEqual([
      ['法工委 张明', '“八件”请与法规室核对。'],
      ['法工委 张明', '这两段可以合并。'],
      ['法工委 张明', '补充去年的次数作对比。'],
    ])
    expect(merged.report.review.comments[0]!.replies.map(reply => reply.text)).toEqual(['已核对，无误。'])
  })

  it('merges its tracked changes as the Transitional copy’s', async () => {
    const strict = mergeFeedback(baseReport(), [await read(strictCopy('copy-tracked.docx'))], options)
    const transitional = mergeFeedback(
      baseReport(),
      [await read(path.join(reviewFixturesDir, 'copy-tracked.docx'))],
      options,
    )
    expect(strict.copies[0]!.insertions).toBeGreaterThan(0)
    expect(strict.copies[0]!.deletions).toBeGreaterThan(0)
    expect({ ...strict.copies[0], file: '' }).toEqual({ ...transitional.copies[0], file: '' })
    const accept = (doc: DocNode) => texts(resolveSuggestions(doc, () => 'accept'))
    expect(accept(strict.report.doc)).toEqual(accept(transitional.report.doc))
    expect(accept(strict.report.doc)).not.toEqual(texts(baseReport().doc))
  })
})
