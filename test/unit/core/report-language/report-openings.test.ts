import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../../core/checks/run-checks'
import { nodeText, NodeType, type DocNode } from '../../../../core/document-model'
import { importText } from '../../../../core/import/import-text'
import { headingLevel } from '../../../../core/report-language/heading-level'
import { analyzeDoc } from '../../../../core/structure/analyze-structure'
import { reportOpenings } from '../../../fixtures/report-openings'

/** A year no opening names: import must never fall back to it (nor to today). */
const SENTINEL_YEAR = 1999

function frontText(doc: DocNode, type: string): string {
  const node = (doc.content ?? []).find(candidate => candidate.type === type)
  return node ? nodeText(node).replace(/\n/g, '') : ''
}

describe('realistic openings: kind, plan year, parts and front matter', () => {
  it('has at least 15 openings', () => {
    expect(reportOpenings.length).toBeGreaterThanOrEqual(15)
  })

  for (const opening of reportOpenings) {
    describe(opening.name, () => {
      const result = importText(opening.text, { planYear: SENTINEL_YEAR, markdown: opening.markdown })
      const report = result.reports[0]!
      const { expected } = opening

      it('imports as one report with the expected meta', () => {
        expect(result.reports).toHaveLength(1)
        expect(report.meta).toMatchObject({
          kind: expected.kind,
          planYear: expected.planYear,
          termEnd: expected.termEnd ?? false,
          title: expected.title,
          date: expected.date,
          meetingName: expected.meetingName,
          speakerOffice: expected.speakerOffice,
          speakerName: expected.speakerName,
          draftLabel: expected.draftLabel ?? '',
        })
        expect(result.notes.join('\n')).not.toContain('文中没有写明年度')
        expect(result.notes.join('\n')).not.toContain('没有从文字中认出报告类别')
      })

      it('reads the parts with their roles and keeps front matter out of the body', () => {
        const parts = (report.doc.content ?? [])
          .filter(node => node.type === NodeType.heading && headingLevel(node) === 1)
          .map(node => [nodeText(node), node.attrs?.role])
        expect(parts).toEqual(expected.parts)
        expect(frontText(report.doc, NodeType.salutation)).toBe(expected.salutation)
        const body = (report.doc.content ?? []).filter(node => node.type === NodeType.paragraph).map(nodeText)
        for (const text of body) expect(text).not.toMatch(/^(?:记者|本报讯|.{2,4}\s+摄$)|各位(?:代表|委员)[：:]$/)
      })

      it('the structure analysis of the document alone makes the same decisions', () => {
        const structure = analyzeDoc(report.doc)
        expect(structure.kind).toBe(expected.kind)
        expect(structure.planYear).toBe(expected.planYear)
        expect(structure.parts.filter(part => !part.untitled).map(part => [part.title, part.role])).toEqual(
          expected.parts,
        )
        if (expected.meetingName || report.meta.meetingName)
          expect(structure.frontMatter.subtitle).toMatchObject({ meeting: report.meta.meetingName })
        if (expected.speakerName)
          expect(structure.frontMatter.speaker).toMatchObject({
            office: report.meta.speakerOffice,
            name: report.meta.speakerName,
          })
      })

      it('raises no error on the clean text', () => {
        const errors = runChecks(report).filter(finding => finding.severity === 'error')
        expect(errors.map(finding => `${finding.rule}: ${finding.message}`)).toEqual([])
      })
    })
  }
})
