import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { heading, nodeText, paragraph } from '../../../core/document-model'
import type { DocNode } from '../../../core/document-model'
import { reportFileSchema } from '../../../core/report-file'
import type { ReportFile } from '../../../core/report-file'
import { createLibraryService } from '../../../main/services/library-service'
import { needsReviewTexts as markedTexts } from '../../helpers/needs-review-texts'
import { tempDirs } from '../../helpers/temp-dirs'

const tempDir = tempDirs('wrs-library-')

function report(planYear: number, content: DocNode[]): ReportFile {
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: {
      templateId: 'npc',
      kind: 'npc',
      planYear,
      numbering: 'yearParts',
      title: `二七区人民代表大会常务委员会工作报告`,
    },
    doc: { type: 'doc', content },
  })
}

const report2022 = report(2022, [
  { type: 'reportTitle', content: [{ type: 'text', text: '二七区人民代表大会常务委员会工作报告' }] },
  heading(1, '2021年主要工作', { role: 'review' }),
  heading(2, '聚焦民生实事开展监督'),
  paragraph('对全区安置房建设开展专题视察3次，督促交付安置房1.2万套。'),
  heading(1, '2022年主要任务', { role: 'tasks' }),
  paragraph('持续关注安置房建设。'),
])

const report2023 = report(2023, [
  heading(1, '2022年主要工作', { role: 'review' }),
  heading(2, '紧紧围绕中心服务大局'),
  paragraph('累计召开常委会会议8次、听取专项工作报告10次，开展视察十二次。'),
  heading(3, '安置房建设监督'),
  paragraph('把全区安置房建设列为全年重点监督事项，适时开展专题视察、调研，督促建设进度。'),
  heading(3, '医疗保障'),
  paragraph('对全区医疗保障工作进行视察。'),
  heading(2, '严格落实“四个机关”定位要求'),
  paragraph('高质量召开专题民主生活会。'),
  heading(1, '2023年主要任务', { role: 'tasks' }),
  paragraph('以更实举措提升履职实效。围绕“安居”工程建设，开展安置房建设等专项视察。'),
])

describe('library service', () => {
  it('keeps two years, finds a word across them, most specific section first, with excerpts', async () => {
    const userData = tempDir()
    const library = createLibraryService(userData)
    const first = await library.libraryAdd({ report: report2022, source: '/reports/2022.wrs' })
    const second = await library.libraryAdd({ report: report2023, source: '/reports/2023.wrs' })
    expect(first.ok && second.ok).toBe(true)
    const again = await library.libraryAdd({ report: report2023, source: '/elsewhere/copy.wrs' })
    expect(again.ok && second.ok && again.value.id === second.value.id).toBe(true)

    expect((await library.libraryList()).map(entry => entry.planYear)).toEqual([2023, 2022])
    const files = readdirSync(path.join(userData, 'library')).sort()
    expect(files.filter(name => name.endsWith('.wrs'))).toHaveLength(2)
    expect(JSON.parse(readFileSync(path.join(userData, 'library', 'index.json'), 'utf8')).entries).toHaveLength(2)

    const hits = await library.librarySearch('安置房')
    expect(hits.map(hit => [hit.planYear, hit.sectionTitle])).toEqual([
      [2023, '安置房建设监督'],
      [2023, '2023年主要任务'],
      [2022, '聚焦民生实事开展监督'],
      [2022, '2022年主要任务'],
    ])
    expect(hits[0]!.excerpt).toEqual([
      { text: '安置房', match: true },
      { text: '建设监督 把全区' },
      { text: '安置房', match: true },
      { text: '建设列为全年重点监督事项，适时开展专题视察、调研，督促建…' },
    ])
    expect(hits[0]!.level).toBe(3)

    // Multi-term AND, full-width and spaces ignored; the part holding both terms in different sections is found.
    const both = await library.librarySearch('视察　医疗')
    expect(both.map(hit => hit.sectionTitle)).toEqual(['医疗保障'])
    const across = await library.librarySearch('常委会会议 医疗保障')
    expect(across.map(hit => hit.sectionTitle)).toEqual(['紧紧围绕中心服务大局'])
    expect(await library.librarySearch('   ')).toEqual([])
    expect(await library.librarySearch('不存在的词')).toEqual([])
  })

  it('gives a section with its sub-sections, figures marked needs-review', async () => {
    const library = createLibraryService(tempDir())
    const added = await library.libraryAdd({ report: report2023, source: '/reports/2023.wrs' })
    if (!added.ok) throw new Error(added.message)
    const hit = (await library.librarySearch('中心服务大局'))[0]!
    const section = await library.librarySection({ entryId: hit.entryId, sectionPath: hit.sectionPath })
    if (!section.ok) throw new Error(section.message)
    expect(section.value.sourceYear).toBe(2023)
    expect(section.value.nodes.map(node => nodeText(node))).toEqual([
      '紧紧围绕中心服务大局',
      '累计召开常委会会议8次、听取专项工作报告10次，开展视察十二次。',
      '安置房建设监督',
      '把全区安置房建设列为全年重点监督事项，适时开展专题视察、调研，督促建设进度。',
      '医疗保障',
      '对全区医疗保障工作进行视察。',
    ])
    expect(markedTexts(section.value.nodes)).toEqual(['8', '10', '十二次'])
    const entry = await library.libraryEntry(hit.entryId)
    expect(entry.ok && entry.value.meta.planYear).toBe(2023)
    const gone = await library.librarySection({ entryId: 'nope', sectionPath: [0] })
    expect(gone.ok ? '' : gone.message).toContain('往年报告库里没有这份报告')
    const notHeading = await library.librarySection({ entryId: hit.entryId, sectionPath: [2] })
    expect(notHeading.ok).toBe(false)
  })

  it('replaces the copy of a file added again after editing, and survives a damaged index', async () => {
    const userData = tempDir()
    const library = createLibraryService(userData)
    await library.libraryAdd({ report: report2022, source: '/reports/2022.wrs' })
    const edited = {
      ...report2022,
      doc: { type: 'doc', content: [...report2022.doc.content!, paragraph('新增的段落：减税降费。')] },
    }
    await library.libraryAdd({ report: edited, source: '/reports/2022.wrs' })
    expect(await library.libraryList()).toHaveLength(1)
    expect((await library.librarySearch('减税降费')).length).toBe(1)
    expect(readdirSync(path.join(userData, 'library')).filter(name => name.endsWith('.wrs'))).toHaveLength(1)

    writeFileSync(path.join(userData, 'library', 'index.json'), '{ broken')
    const reopened = createLibraryService(userData)
    expect((await reopened.libraryList()).map(entry => entry.planYear)).toEqual([2022])
    expect((await reopened.librarySearch('减税降费')).length).toBe(1)
    const refused = await reopened.libraryAdd({ report: { format: 'x' } as never, source: '' })
    expect(refused.ok ? '' : refused.message).toContain('未加入往年报告库')
  })
})

describe('library service, several reports from one file', () => {
  it('keeps each report of a newspaper page and sees additions not yet awaited', async () => {
    const library = createLibraryService(tempDir())
    const cppcc = reportFileSchema.parse({
      ...report2023,
      meta: { ...report2023.meta, kind: 'cppcc', templateId: 'cppcc', title: '政协常委会工作报告' },
      doc: { type: 'doc', content: [heading(1, '2022年工作回顾'), paragraph('围绕中心建言资政。')] },
    })
    void library.libraryAdd({ report: report2023, source: '/papers/page.md' })
    void library.libraryAdd({ report: cppcc, source: '/papers/page.md' })
    expect((await library.libraryList()).map(entry => entry.kind).sort()).toEqual(['cppcc', 'npc'])
  })
})
