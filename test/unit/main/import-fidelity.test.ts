import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import { NodeType, nodeText, type DocNode } from '../../../core/document-model'
import { buildDocx } from '../../../core/export/docx/build-docx'
import { importHtml } from '../../../core/import/import-html'
import { importText } from '../../../core/import/import-text'
import type { ReportFile } from '../../../core/report-file'
import { builtinTemplates } from '../../../core/templates/builtin-templates'
import { readDocx } from '../../../main/import/read-docx'
import {
  boldLead,
  cleanReport,
  docxPlainLines,
  docxSource,
  expectedLines,
  leadSentences,
  mdSource,
  txtSource,
  withoutWhitespace,
} from '../../fixtures/clean-report-sources'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

/**
 * Import fidelity as a property: for a clean report of every template (and the year-parts scheme), written as a
 * `.txt`, a `.md` and a `.docx`, import → export DOCX → plain text gives back the source's paragraphs and headings
 * character for character (whitespace aside): nothing invented (no `1.` before a lead sentence), nothing lost, one
 * report.
 */

/** A report of every built-in template (templates/*.json), and one in the year-parts scheme. */
const cases: Array<[string, ReportFile]> = [
  ...builtinTemplates.map((template): [string, ReportFile] => [template.id, cleanReport(template.id)]),
  ['npc (year parts)', cleanReport('npc', 'yearParts')],
]

async function importDocx(bytes: Uint8Array, name: string): Promise<ReportFile[]> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-fidelity-')), name)
  writeFileSync(file, bytes)
  const read = await readDocx(file)
  if (!read.ok) throw new Error(read.message)
  return importHtml(read.html, { fileName: name }).reports
}

const importers: Array<[string, (report: ReportFile) => Promise<ReportFile[]>]> = [
  ['.txt', async report => importText(txtSource(report), { fileName: 'report.txt' }).reports],
  ['.md', async report => importText(mdSource(report), { fileName: 'report.md' }).reports],
  ['.docx', async report => importDocx(await docxSource(report), 'report.docx')],
]

/** The exported DOCX's document.xml paragraph holding `text`. */
function exportedParagraph(docx: Uint8Array, text: string): string | undefined {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!)
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)]
    .map(match => match[0])
    .find(paragraph => [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(m => m[1]).join('') === text)
}

describe('import → export DOCX → plain text gives back the source', () => {
  for (const [template, report] of cases) {
    for (const [format, importSource] of importers) {
      it(`${template} report from ${format}`, async () => {
        const reports = await importSource(report)
        expect(reports, 'one report means one report').toHaveLength(1)
        const imported = reports[0]!
        const docx = await buildDocx(imported, { draftLabel: null })
        expect(docxPlainLines(docx)).toEqual(withoutWhitespace(expectedLines(report)))
        // the lead sentences are body paragraphs, the bold lead-in keeps its bold run in its paragraph
        const paragraphs = (imported.doc.content ?? []).filter(node => node.type === NodeType.paragraph).map(nodeText)
        for (const sentence of leadSentences) expect(paragraphs).toContain(sentence)
        const bold = exportedParagraph(docx, boldLead.lead + boldLead.rest)
        expect(bold, 'the bold lead-in is one body paragraph').toBeDefined()
        if (format !== '.txt')
          expect(bold).toMatch(
            /<w:rPr><w:b\/>[^<]*(?:<w:bCs\/>)?<\/w:rPr><w:t[^>]*>以更实举措提升履职实效。<\/w:t><\/w:r><w:r><w:t/,
          )
        // a clean source keeps no number as evidence and raises no numbering finding
        expect(JSON.stringify(imported.doc)).not.toContain('sourceNumber')
        expect(runChecks(imported).filter(finding => finding.rule === 'TXT-SEQ-CONT')).toEqual([])
      })
    }
  }

  it('would catch invented numbering: lead sentences made headings print “1.” the source never had', async () => {
    const report = cleanReport('npc')
    const imported = importText(txtSource(report)).reports[0]!
    const content = imported.doc.content!
    // what the old import did: the three lead sentences as level-3 run-in headings
    const invented: DocNode[] = content.flatMap(node => {
      const text = nodeText(node)
      if (node.type !== NodeType.paragraph || !leadSentences.includes(text)) return [node]
      const end = text.indexOf('。') + 1
      return [
        {
          type: NodeType.heading,
          attrs: { level: 3, role: null, runIn: true },
          content: [{ type: 'text', text: text.slice(0, end) }],
        },
        { type: NodeType.paragraph, content: [{ type: 'text', text: text.slice(end) }] },
      ]
    })
    const docx = await buildDocx({ ...imported, doc: { ...imported.doc, content: invented } }, { draftLabel: null })
    const lines = docxPlainLines(docx)
    expect(lines).toContain(`1.${leadSentences[0]}`)
    expect(lines).not.toEqual(withoutWhitespace(expectedLines(report)))
  })
})

describe('the seed newspaper page through import and DOCX export', () => {
  const seed = readFileSync(seedSamplePath, 'utf8')
  const { reports } = importText(seed, { fileName: 'erqi-2023-npc-cppcc-newspaper.md' })

  /**
   * The source's body lines of each report: after its newspaper lead and byline, Markdown marks removed. Headings
   * (`##`, `###`) come back with the number their level prints (the newspaper dropped the `一、`); nothing else does.
   */
  function seedBodies(): Array<Array<{ text: string; heading: boolean }>> {
    const bodies: Array<Array<{ text: string; heading: boolean }>> = []
    let body: Array<{ text: string; heading: boolean }> | undefined
    for (const raw of seed.split('\n')) {
      const line = raw.trim()
      if (!line) continue
      if (/^# /.test(line)) {
        body = undefined
        continue
      }
      if (/^\d+月\d+日上午/.test(line) || /^记者/.test(line)) {
        if (!body) bodies.push((body = []))
        continue
      }
      const heading = /^#{2,}\s+/.exec(line)
      body!.push({ text: heading ? line.slice(heading[0].length) : line, heading: Boolean(heading) })
    }
    return bodies
  }

  it('still gives two reports', () => {
    expect(reports.map(report => report.meta.kind)).toEqual(['npc', 'cppcc'])
  })

  it('gives back every body paragraph and heading text of both reports', async () => {
    const bodies = seedBodies()
    for (const [index, report] of reports.entries()) {
      const lines = docxPlainLines(await buildDocx(report, { draftLabel: null }))
      const salutation = lines.findIndex(line => /^各位(代表|委员)：$/.test(line))
      const exported = lines.slice(salutation + 1)
      const source = bodies[index]!
      expect(exported).toHaveLength(source.length)
      exported.forEach((line, position) => {
        const { text, heading } = source[position]!
        const expected = text.replace(/\s+/g, '')
        if (heading)
          expect(line).toMatch(
            new RegExp(`^(?:[一二三四五六七八九十]+、)?${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
          )
        else expect(line).toBe(expected)
      })
    }
  })
})
