import { describe, expect, it } from 'vitest'
import { fixAll } from '../../../../core/checks/apply-fixes'
import { runChecks } from '../../../../core/checks/run-checks'
import { footnote, footnotesOf, textNode, type DocNode } from '../../../../core/document-model'
import type { ReportFile } from '../../../../core/report-file'
import { npcReportFixture } from '../../../fixtures/docx-npc-report'
import { placeText } from '../../../../main/cli/format-rule-groups'

/** The 人大 fixture with two paragraphs that cite their sources in footnotes, as a statistics bureau's notes read. */
function reportWithNotes(notes: readonly string[]): ReportFile {
  const base = npcReportFixture()
  const cited = (text: string, note: string): DocNode => ({
    type: 'paragraph',
    content: [textNode(text), footnote(note), textNode('。')],
  })
  const content = [...base.doc.content!]
  // after the opening paragraph: body text, each with its note
  const at = content.findIndex(node => node.type === 'heading')
  content.splice(
    at + 1,
    0,
    cited('全区地区生产总值增长6.5%', notes[0]!),
    cited('城乡居民人均可支配收入增长5.8%', notes[1]!),
  )
  return { ...base, doc: { ...base.doc, content } }
}

const clean = ['数据来源：区统计局《2023年国民经济和社会发展统计公报》。', '按可比价格计算。']

describe('checks read footnote text', () => {
  it('a clean report with clean notes has no findings in its notes', () => {
    const findings = runChecks(reportWithNotes(clean))
    expect(findings.filter(finding => finding.location.footnote !== undefined)).toEqual([])
  })

  it('flags half-width punctuation, a U+FFFF and a character no font has in a note, naming the note', () => {
    const report = reportWithNotes([clean[0]!, '按可比价格计算,不含\uffff开发区数据;涉及𠀀村.'])
    const findings = runChecks(report, { uncoveredChars: new Set(['𠀀']) }).filter(
      finding => finding.location.footnote !== undefined,
    )
    const byRule = (rule: string) => findings.filter(finding => finding.rule === rule)
    expect(findings.every(finding => finding.location.footnote === 2)).toBe(true)
    expect(byRule('PUN-HALFWIDTH').map(finding => [finding.location.from, finding.location.to])).toEqual([
      [7, 8],
      [16, 17],
      [22, 23],
    ])
    expect(byRule('TXT-XML-CHAR')).toHaveLength(1)
    expect(byRule('TXT-GLYPH')).toHaveLength(1)
    // the place a clerk reads: the part, the paragraph and 脚注 2
    expect(placeText(byRule('TXT-XML-CHAR')[0]!)).toMatch(/第\d+段 脚注 2$/)
    // the finding's path is the footnote node's
    const path = byRule('TXT-XML-CHAR')[0]!.location.path
    let node: DocNode = report.doc
    for (const index of path) node = node.content![index]!
    expect(node.type).toBe('footnote')
  })

  it('fixes apply to the note’s text by their offsets, and nothing else changes', () => {
    const report = reportWithNotes([clean[0]!, '按可比价格计算,不含\uffff开发区数据;增速为初步核算数.'])
    const fixed = fixAll(report)
    expect(footnotesOf(fixed.doc).map(note => note.attrs?.text)).toEqual([
      clean[0],
      '按可比价格计算，不含开发区数据；增速为初步核算数。',
    ])
    const findings = runChecks(fixed).filter(finding => finding.location.footnote !== undefined)
    expect(findings).toEqual([])
  })
})
