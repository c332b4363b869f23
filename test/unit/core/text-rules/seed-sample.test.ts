import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fixAll } from '../../../../core/checks/apply-fixes'
import type { Finding } from '../../../../core/checks/finding'
import { heading, nodeText, paragraph, type DocNode } from '../../../../core/document-model'
import { importText } from '../../../../core/import/import-text'
import type { ReportFile } from '../../../../core/report-file'
import { reportOf, textFindings } from './text-check-helpers'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'

const seed = readFileSync(seedSamplePath, 'utf8')
const asciiMarks = /[,:;()]/g

/** Paragraphs cut mid-sentence by the newspaper columns (their last characters), in page order. */
const cutParagraphEnds = [
  '作出《关于批准区政府提请马寨镇撤镇设街道议案的决定》',
  '对全区医疗保障工作进行视察,对',
  '召开了第一届街',
  '筑牢思想政治根基。举行',
  '坚持落实“第一议题”制度,完善',
  '持续开展以“亮委员身份,尽委员责任,展',
  '《政协郑州市二七区委员会委员履职服务与管理办法》《政协郑',
  '更好地发挥人民政协在发',
]

function textOfPath(report: ReportFile, at: number[]): string {
  let node: DocNode = report.doc
  for (const index of at) node = node.content![index]!
  return nodeText(node)
}

/** Characters of the text covered by PUN-HALFWIDTH fixes, as `path:offset` keys. */
function fixedPositions(findings: Finding[]): Set<string> {
  const positions = new Set<string>()
  for (const finding of findings) {
    if (finding.rule !== 'PUN-HALFWIDTH' || finding.fix?.kind !== 'replaceText') continue
    for (const edit of finding.fix.edits)
      for (let at = edit.from; at < edit.to; at++) positions.add(`${edit.path.join('/')}:${at}`)
  }
  return positions
}

function asciiPositions(report: ReportFile): Set<string> {
  const positions = new Set<string>()
  report.doc.content!.forEach((node, index) => {
    const text = nodeText(node)
    for (const match of text.matchAll(asciiMarks)) positions.add(`${index}:${match.index}`)
  })
  return positions
}

describe('text checks on the seed newspaper page, blocks built line by line', () => {
  // One paragraph per source line, `#` lines as headings: the page as a user pasting it line by line would get it.
  const nodes: DocNode[] = []
  for (const line of seed.split('\n')) {
    const trimmed = line.trim()
    if (!trimmed) continue
    const hashes = /^(#+)\s*/.exec(trimmed)
    nodes.push(
      hashes
        ? heading(Math.min(4, hashes[1]!.length) as 1 | 2 | 3, trimmed.slice(hashes[0].length))
        : paragraph(trimmed),
    )
  }
  const report = reportOf(nodes, { numbering: 'yearParts', planYear: 2023 })
  const findings = textFindings(report)

  it('finds every ASCII comma, colon, semicolon and parenthesis of the page (more than a hundred)', () => {
    const raw = seed.match(asciiMarks)!.length
    expect(raw).toBeGreaterThan(100)
    const expected = asciiPositions(report)
    expect(expected.size).toBe(raw)
    expect(fixedPositions(findings)).toEqual(expected)
  })

  it('flags exactly the paragraphs cut by the columns as truncated, not the bylines or headings', () => {
    const truncated = findings
      .filter(finding => finding.rule === 'TXT-TRUNC')
      .map(finding => textOfPath(report, finding.location.path))
    expect(truncated).toHaveLength(cutParagraphEnds.length)
    cutParagraphEnds.forEach((end, index) => expect(truncated[index]!.endsWith(end)).toBe(true))
    const bylines = nodes
      .map((node, index) => [nodeText(node), index] as const)
      .filter(([text]) => text.includes('记者 景静'))
    expect(bylines.map(([text]) => text.slice(-5))).toEqual(['记者 景静', '记者 景静'])
    for (const [, index] of bylines) {
      expect(findings.filter(finding => finding.location.path[0] === index && finding.rule.startsWith('TXT-'))).toEqual(
        [],
      )
    }
    const headingIndexes = nodes.flatMap((node, index) => (node.type === 'heading' ? [index] : []))
    expect(headingIndexes.length).toBeGreaterThan(10)
    expect(
      findings.filter(finding => finding.rule === 'TXT-TRUNC' && headingIndexes.includes(finding.location.path[0]!)),
    ).toEqual([])
  })

  it('fixing PUN-HALFWIDTH leaves no ASCII mark in Chinese text and keeps everything else', () => {
    const fixed = fixAll(report, 'PUN-HALFWIDTH')
    const text = fixed.doc.content!.map(node => nodeText(node)).join('\n')
    expect(text.match(asciiMarks)).toBeNull()
    expect(text.replace(/[，：；（）]/g, '').length).toBe(
      report.doc
        .content!.map(node => nodeText(node))
        .join('\n')
        .replace(/[,:;()，：；（）]/g, '').length,
    )
    expect(textFindings(fixed).filter(finding => finding.rule === 'PUN-HALFWIDTH')).toEqual([])
  })
})

describe('text checks on the seed newspaper page through importText', () => {
  const { reports, notes } = importText(seed, { fileName: 'erqi-2023-npc-cppcc-newspaper.md' })
  const leadLines = seed.split('\n').filter(line => /^\d+月\d+日上午/.test(line))

  it('finds every ASCII mark of the imported body (the page minus the two newspaper leads the import moves to the front matter)', () => {
    expect(reports).toHaveLength(2)
    expect(leadLines).toHaveLength(2)
    // one notice for both reports, not repeated per report
    expect(notes.filter(note => note.includes('报纸导语'))).toEqual([expect.stringMatching(/^各份报告：/)])
    const inLeads = leadLines.join('\n').match(asciiMarks)!.length
    const expected = seed.match(asciiMarks)!.length - inLeads
    expect(expected).toBeGreaterThan(95)
    let found = 0
    for (const report of reports) {
      const findings = textFindings(report)
      const positions = fixedPositions(findings)
      expect(positions).toEqual(asciiPositions(report))
      found += positions.size
    }
    expect(found).toBe(expected)
  })

  it('after fixing every fixable mark, the only text errors left in both reports are the column cuts', () => {
    for (const report of reports) {
      let fixed = report
      for (const rule of new Set(
        textFindings(report)
          .filter(finding => finding.fix)
          .map(finding => finding.rule),
      ))
        fixed = fixAll(fixed, rule)
      const errors = textFindings(fixed).filter(finding => finding.severity === 'error')
      expect(errors.length).toBeGreaterThan(0)
      expect([...new Set(errors.map(finding => finding.rule))]).toEqual(['TXT-TRUNC'])
    }
  })

  it('flags the eight column-cut paragraphs as truncated and nothing else', () => {
    const truncated = reports.flatMap(report =>
      textFindings(report)
        .filter(finding => finding.rule === 'TXT-TRUNC')
        .map(finding => textOfPath(report, finding.location.path)),
    )
    expect(truncated).toHaveLength(cutParagraphEnds.length)
    cutParagraphEnds.forEach((end, index) => expect(truncated[index]!.endsWith(end)).toBe(true))
  })
})
