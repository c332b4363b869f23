import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { paragraph } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { serializeReportFile } from '../../../core/report-file'
import { createServices } from '../../../main/services/create-services'
import { seedSamplePath } from '../../fixtures/seed-sample-path'
import { noDialogs } from '../../helpers/no-dialogs'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

describe('reports opened or imported are kept in the section library', () => {
  it('adds an opened .wrs and each report of an imported page, searchable across them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wrs-library-recording-'))
    folders.push(dir)
    const seedFile = seedSamplePath
    const npc = importText(readFileSync(seedFile, 'utf8'), { markdown: true }).reports[0]!
    // Last year's report, a different text from the page's.
    const wrs = path.join(dir, '2022.wrs')
    const lastYear = { ...npc, doc: { ...npc.doc, content: [...npc.doc.content!, paragraph('2022年另有一段。')] } }
    writeFileSync(wrs, serializeReportFile({ ...lastYear, meta: { ...npc.meta, planYear: 2022 } }))
    const services = createServices({ userDataDir: path.join(dir, 'userData'), dialogs: noDialogs })

    const opened = await services.openReport(wrs)
    expect(opened.ok).toBe(true)
    const imported = await services.importReport(seedFile)
    expect(imported.ok && imported.value?.reports.length).toBe(2)

    const entries = await services.libraryList()
    expect(entries.map(entry => [entry.planYear, entry.kind]).sort()).toEqual([
      [2022, 'npc'],
      [2023, 'cppcc'],
      [2023, 'npc'],
    ])
    const hits = await services.librarySearch('委员之家')
    expect(hits.map(hit => [hit.planYear, hit.sectionTitle])).toEqual([[2023, '高标准凝聚智慧力量']])
  })
})
