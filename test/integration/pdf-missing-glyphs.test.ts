import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { paragraph } from '../../core/document-model'
import { serializeReportFile } from '../../core/report-file'
import { installedFontCoverage } from '../../main/export/font-coverage'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { runWrs } from '../helpers/run-wrs'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-missing-glyphs-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('wrs export --pdf names characters no installed font has (issue 13)', () => {
  it('prints 𠀀 and 𪚥 with their code points and where they stand, and still writes the PDF', async () => {
    // this machine's fonts (Noto CJK, Fandol) have neither U+20000 nor U+2A6A5
    const coverage = await installedFontCoverage()
    expect(coverage).not.toBeNull()
    expect([...coverage!.values()].some(ranges => ranges.some(([from, to]) => from <= 0x20000 && 0x20000 <= to))).toBe(
      false,
    )
    const report = npcReportFixture()
    const content = [...(report.doc.content ?? [])]
    content.splice(6, 0, paragraph('𠀀村、𪚥村道路全部硬化。'))
    writeFileSync(path.join(directory, 'rare.wrs'), serializeReportFile({ ...report, doc: { ...report.doc, content } }))
    const run = await runWrs(['export', 'rare.wrs', '--pdf', 'rare.pdf', '--draft', '征求意见稿'], directory)
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toContain('所装的字体都没有以下字符的字形，PDF 中会印成空框')
    expect(run.out).toContain('“𠀀”（U+20000，见“𠀀村、𪚥村道路”）')
    expect(run.out).toContain('“𪚥”（U+2A6A5，见“𠀀村、𪚥村道路全部硬”）')
    expect(existsSync(path.join(directory, 'rare.pdf'))).toBe(true)
  })

  it('says nothing of glyphs for a report every installed face covers', async () => {
    writeFileSync(path.join(directory, 'plain.wrs'), serializeReportFile(npcReportFixture()))
    const run = await runWrs(['export', 'plain.wrs', '--pdf', 'plain.pdf'], directory)
    expect(run.code).toBe(0)
    expect(run.out).not.toContain('空框')
  })
})
