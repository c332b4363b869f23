import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabRoot, partRootName } from '../../../../core/collab/report-roots'
import { importText } from '../../../../core/import/import-text'
import type { ReportFile } from '../../../../core/report-file'
import { mergeCopyIntoBase, readReportFromYDoc, writeReportToYDoc } from '../../../../main/collab/report-ydoc'
import { reportSchema } from '../../../../main/collab/report-schema'
import { npcReportFixture } from '../../../fixtures/docx-npc-report'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'
import { sampleReport } from '../../../integration/collab/collab-harness'

const seedReports = importText(readFileSync(seedSamplePath, 'utf8'), { fileName: 'seed.md' }).reports

function shared(report: ReportFile): Y.Doc {
  const ydoc = new Y.Doc()
  writeReportToYDoc(ydoc, report)
  return ydoc
}

function edit(report: ReportFile, find: string, replace: string): ReportFile {
  return JSON.parse(JSON.stringify(report).replace(find, replace)) as ReportFile
}

describe('a report in its shared Yjs document', () => {
  it('comes back as the editor would save it: the same content, attribute defaults filled in (fixtures, seed)', () => {
    for (const report of [
      npcReportFixture(),
      npcReportFixture({ withoutTasks: true }),
      sampleReport(),
      ...seedReports,
    ]) {
      const back = readReportFromYDoc(shared(report))
      expect(back.report.doc).toEqual(reportSchema().nodeFromJSON(report.doc).toJSON())
      expect(back.report.meta).toEqual(report.meta)
      expect(back.report.provenance).toEqual(report.provenance)
    }
  })

  it('keeps suggestions (修订) of a shared file, and drops the file editor’s comment anchors', () => {
    const byline = { id: 's1', author: '李四', date: '2024-12-01T08:00:00Z', source: null }
    const report = sampleReport()
    const body = report.doc.content!.find(node => node.content?.[0]?.text === '财经监督取得新进展。')!
    body.content = [
      { type: 'text', text: '财经监督' },
      { type: 'text', text: '扎实', marks: [{ type: 'insertion', attrs: byline }] },
      { type: 'text', text: '取得新进展', marks: [{ type: 'comment', attrs: { id: 'c1' } }] },
      { type: 'text', text: '。' },
    ]
    body.attrs = { paragraphMark: { kind: 'deletion', ...byline, id: 's2' } }
    const back = readReportFromYDoc(shared(report)).report.doc.content!
    const paragraph = back.find(node => node.content?.[0]?.text === '财经监督')!
    expect(paragraph.content).toEqual([
      { type: 'text', text: '财经监督' },
      { type: 'text', text: '扎实', marks: [{ type: 'insertion', attrs: byline }] },
      { type: 'text', text: '取得新进展。' },
    ])
    expect(paragraph.attrs?.paragraphMark).toMatchObject({ kind: 'deletion', id: 's2' })
  })

  it('keeps heading attributes other features rely on (source numbers, last year’s promise)', () => {
    const report = sampleReport()
    const content = structuredClone(report.doc.content!)
    content[3] = { ...content[3]!, attrs: { ...content[3]!.attrs, sourceNumber: '三、' } }
    content[6] = {
      ...content[6]!,
      attrs: { ...content[6]!.attrs, promise: { year: 2023, text: '加强财经监督', done: false } },
    }
    const back = readReportFromYDoc(shared({ ...report, doc: { type: 'doc', content } })).report.doc.content!
    expect(back[3]!.attrs).toMatchObject({ sourceNumber: '三、' })
    expect(back[6]!.attrs).toMatchObject({ promise: { year: 2023, text: '加强财经监督', done: false } })
  })

  it('holds one fragment per level-1 part, in the order of the parts array, and the closing apart', () => {
    const ydoc = shared(sampleReport())
    const ids = ydoc.getArray<string>(CollabRoot.parts).toArray()
    expect(ids).toHaveLength(3)
    expect(ids.map(id => (ydoc.getXmlFragment(partRootName(id)).get(0) as Y.XmlElement).nodeName)).toEqual([
      'heading',
      'heading',
      'heading',
    ])
    expect(ydoc.getXmlFragment(CollabRoot.closing).length).toBe(1)
    // Reordering the parts array reorders the report, losing nothing.
    ydoc.transact(() => {
      const order = ydoc.getArray<string>(CollabRoot.parts)
      order.delete(0, 3)
      order.push([ids[2]!, ids[0]!, ids[1]!])
    })
    const titles = [...readReportFromYDoc(ydoc).titles.values()]
    expect(titles).toEqual(['加强自身建设', '2023年主要工作', '2024年主要任务'])
  })
})

describe('merging an edited copy into its base', () => {
  it('writes only what the copy changed, so a concurrent change on the server survives the merge', () => {
    const server = shared(sampleReport())
    const base = Y.encodeStateAsUpdate(server)
    const copy = edit(readReportFromYDoc(server).report, '财经监督取得新进展。', '财经监督取得新进展，预算审查更实。')
    // Meanwhile, on the server, someone edits another sentence of the same part.
    const live = server.getXmlFragment(partRootName(server.getArray<string>(CollabRoot.parts).get(0)))
    ;((live.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, '【同时】')
    const merged = mergeCopyIntoBase(base, copy, 4242)
    expect(merged.update).not.toBeNull()
    Y.applyUpdate(server, merged.update!)
    const text = JSON.stringify(readReportFromYDoc(server).report.doc)
    expect(text).toContain('【同时】一年来')
    expect(text).toContain('预算审查更实')
  })

  it('changes nothing for an unchanged copy, and the same push twice is applied once', () => {
    const server = shared(sampleReport())
    const base = Y.encodeStateAsUpdate(server)
    expect(mergeCopyIntoBase(base, readReportFromYDoc(server).report, 1).update).toBeNull()
    const copy = edit(readReportFromYDoc(server).report, '今年常委会', '今年，常委会')
    const first = mergeCopyIntoBase(base, copy, 77)
    const second = mergeCopyIntoBase(base, copy, 77)
    Y.applyUpdate(server, first.update!)
    Y.applyUpdate(server, second.update!)
    expect(JSON.stringify(readReportFromYDoc(server).report.doc).split('今年，常委会').length).toBe(2)
  })

  it('keeps part ids through a renamed part, and gives an inserted part a new one', () => {
    const server = shared(sampleReport())
    const before = readReportFromYDoc(server)
    const renamed = edit(before.report, '2024年主要任务', '2024年重点工作')
    expect(mergeCopyIntoBase(Y.encodeStateAsUpdate(server), renamed, 5).partIds).toEqual(before.partIds)
    const content = [...before.report.doc.content!]
    content.splice(6, 0, {
      type: 'heading',
      attrs: { level: 1, role: null, runIn: false },
      content: [{ type: 'text', text: '新增部分' }],
    })
    const inserted = mergeCopyIntoBase(
      Y.encodeStateAsUpdate(server),
      { ...before.report, doc: { type: 'doc', content } },
      6,
    )
    expect(inserted.partIds).toHaveLength(4)
    expect(inserted.partIds.filter(id => before.partIds.includes(id))).toEqual(before.partIds)
  })
})
