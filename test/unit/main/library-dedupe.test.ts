import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MarkType, NodeType, type DocNode } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import type { LibraryHit } from '../../../core/ipc/reuse-api'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import { groupLibraryHits } from '../../../core/reuse/group-library-hits'
import { excerptOf, indexSections, prepareSearchText, searchTerms } from '../../../core/reuse/section-index'
import { createServices } from '../../../main/services/create-services'
import { createLibraryService } from '../../../main/services/library-service'
import { seedSamplePath } from '../../fixtures/seed-sample-path'
import { tempDirs } from '../../helpers/temp-dirs'
import { noDialogs } from '../../helpers/no-dialogs'

const tempDir = tempDirs('wrs-library-dedupe-')
const seedText = readFileSync(seedSamplePath, 'utf8')
const [npc, cppcc] = importText(seedText, { markdown: true }).reports as [ReportFile, ReportFile]

/** The report as the editor saves it: every heading attribute written, figures marked, status changed. */
function asSaved(report: ReportFile): ReportFile {
  const visit = (node: DocNode): DocNode => {
    const content = node.content?.map(visit)
    if (node.type === NodeType.heading)
      return { ...node, attrs: { ...node.attrs, promise: null }, ...(content ? { content } : {}) }
    if (node.type === NodeType.text && /\d/u.test(node.text ?? ''))
      return { ...node, marks: [{ type: MarkType.needsReview, attrs: { source: '2023年报告' } }] }
    return content ? { ...node, content } : node
  }
  return { ...report, meta: { ...report.meta, status: 'final' }, doc: visit(report.doc) }
}

describe('the section library keeps one copy of a report however often it arrives', () => {
  it('opened, imported, saved and opened again: one entry per report, one copy on disk', async () => {
    const dir = tempDir()
    const userData = path.join(dir, 'userData')
    const services = createServices({ userDataDir: userData, dialogs: noDialogs })
    const saved = path.join(dir, '2023年人大报告.wrs')
    writeFileSync(saved, serializeReportFile(asSaved(npc)))
    const page = path.join(dir, '报纸版面.md')
    writeFileSync(page, seedText)

    for (let round = 0; round < 3; round++) {
      expect((await services.importReport(page)).ok).toBe(true)
      expect((await services.openReport(saved)).ok).toBe(true)
    }
    const entries = await services.libraryList()
    expect(entries.map(entry => [entry.kind, entry.planYear, entry.organisation]).sort()).toEqual([
      ['cppcc', 2023, '二七区'],
      ['npc', 2023, '二七区'],
    ])
    expect(readdirSync(path.join(userData, 'library')).filter(name => name.endsWith('.wrs'))).toHaveLength(2)
    // The npc entry's source is the .wrs the user keeps, not the page it was first imported from.
    expect(entries.find(entry => entry.kind === 'npc')!.source).toBe(saved)
    expect(await services.librarySearch('委员之家')).toHaveLength(1)
  })

  it("a .wrs states the year the user confirmed; an import's guess does not override it", async () => {
    const library = createLibraryService(tempDir())
    const guessed = { ...npc, meta: { ...npc.meta, planYear: 2024 } }
    await library.libraryAdd({ report: guessed, source: '/导入/报告.docx' })
    expect((await library.libraryList()).map(entry => entry.planYear)).toEqual([2024])
    await library.libraryAdd({ report: npc, source: '/报告/2023.wrs' })
    expect((await library.libraryList()).map(entry => [entry.planYear, entry.source])).toEqual([
      [2023, '/报告/2023.wrs'],
    ])
    const [entry] = await library.libraryList()
    const copy = await library.libraryEntry(entry!.id)
    expect(copy.ok && copy.value.meta.planYear).toBe(2023)
    await library.libraryAdd({ report: guessed, source: '/导入/报告.docx' })
    expect((await library.libraryList()).map(entry => entry.planYear)).toEqual([2023])
  })

  it('a version-1 index holding the same report twice is migrated to one entry', async () => {
    const userData = tempDir()
    const folder = path.join(userData, 'library')
    mkdirSync(folder, { recursive: true })
    const old = (id: string, report: ReportFile, addedAt: string) => {
      writeFileSync(path.join(folder, `${id}.wrs`), serializeReportFile(report))
      const hash = createHash('sha256')
        .update(JSON.stringify([report.meta, report.doc]))
        .digest('hex')
      return {
        id,
        title: report.meta.title,
        planYear: report.meta.planYear,
        kind: report.meta.kind,
        source: '',
        addedAt,
        hash,
      }
    }
    const entries = [
      old('2023-aaaaaaaaaaaa', npc, '2024-01-01T00:00:00.000Z'),
      old('2023-bbbbbbbbbbbb', asSaved(npc), '2024-02-01T00:00:00.000Z'),
      old('2023-cccccccccccc', cppcc, '2024-03-01T00:00:00.000Z'),
    ]
    writeFileSync(path.join(folder, 'index.json'), JSON.stringify({ version: 1, entries }))
    const library = createLibraryService(userData)
    expect((await library.libraryList()).map(entry => entry.id).sort()).toEqual([
      '2023-aaaaaaaaaaaa',
      '2023-cccccccccccc',
    ])
    expect(readdirSync(folder).sort()).toEqual(['2023-aaaaaaaaaaaa.wrs', '2023-cccccccccccc.wrs', 'index.json'])
    expect(JSON.parse(readFileSync(path.join(folder, 'index.json'), 'utf8')).version).toBe(2)
  })
})

describe('search hits', () => {
  it('are grouped by organisation, kind and year, newest year first', async () => {
    const library = createLibraryService(tempDir())
    const other = { ...npc, meta: { ...npc.meta, organisation: '金水区', planYear: 2023 } }
    const otherDoc = {
      ...other,
      doc: {
        ...npc.doc,
        content: [...npc.doc.content!, { type: 'paragraph', content: [{ type: 'text', text: '金水区另有安置房。' }] }],
      },
    }
    const older = {
      ...npc,
      meta: { ...npc.meta, planYear: 2022 },
      doc: { ...npc.doc, content: npc.doc.content!.slice(0, -1) },
    }
    for (const [report, source] of [
      [older, '/a/2022.wrs'],
      [cppcc, '/a/cppcc.wrs'],
      [otherDoc, '/b/jinshui.wrs'],
      [npc, '/a/2023.wrs'],
    ] as const)
      expect((await library.libraryAdd({ report, source })).ok).toBe(true)
    const hits = await library.librarySearch('安置房')
    const groups = groupLibraryHits(hits).map(group => [
      group.organisation,
      group.kind,
      group.planYear,
      group.hits.length,
    ])
    expect(groups.map(group => group.slice(0, 3))).toEqual([
      ['二七区', 'npc', 2023],
      ['金水区', 'npc', 2023],
      ['二七区', 'npc', 2022],
    ])
    expect(groups.every(group => (group[3] as number) > 0)).toBe(true)
    // The grouping keeps every hit, each in the group of its own entry.
    expect(groupLibraryHits(hits).flatMap(group => group.hits)).toHaveLength(hits.length)
  })

  it('groups hits given in any order', () => {
    const hit = (organisation: string, kind: string, planYear: number, title: string): LibraryHit => ({
      entryId: `${organisation}${kind}${planYear}`,
      entryTitle: title,
      planYear,
      kind,
      organisation,
      sectionPath: [0],
      sectionTitle: title,
      level: 1,
      excerpt: [],
    })
    const groups = groupLibraryHits([
      hit('二七区', 'npc', 2022, 'a'),
      hit('二七区', 'cppcc', 2023, 'b'),
      hit('二七区', 'npc', 2022, 'c'),
      hit('', 'gov', 2023, 'd'),
    ])
    expect(
      groups.map(group => [group.organisation, group.kind, group.planYear, group.hits.map(each => each.sectionTitle)]),
    ).toEqual([
      ['二七区', 'cppcc', 2023, ['b']],
      ['', 'gov', 2023, ['d']],
      ['二七区', 'npc', 2022, ['a', 'c']],
    ])
  })

  it('highlight every search word in the excerpt, in every section of the seed that holds them', () => {
    const sections = indexSections(npc.doc)
    const queries = ['安置房 视察', '代表 建议 办理', '常委会 会议 次', '监督 民生', '二十大 精神']
    let checked = 0
    for (const query of queries) {
      const terms = searchTerms(query)
      for (const section of sections) {
        const prepared = prepareSearchText(section.text)
        if (!terms.every(term => prepared.text.includes(term))) continue
        const pieces = excerptOf(section, prepared, terms)
        const marked = pieces.filter(piece => piece.match).map(piece => prepareSearchText(piece.text).text)
        for (const term of terms)
          expect(
            marked.some(text => text.includes(term)),
            `${query} in ${section.title}`,
          ).toBe(true)
        // Nothing but the words is marked, and the text shown is the section's own.
        for (const text of marked) expect(terms.some(term => text.includes(term))).toBe(true)
        for (const piece of pieces)
          for (const part of piece.text.split('…')) expect(section.text.replace(/\n+/gu, ' ')).toContain(part)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(10)
  })
})
