import { randomBytes } from 'node:crypto'
import type { Node as PmNode } from '@tiptap/pm/model'
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { alignParts } from '../../core/collab/align-parts'
import { CollabRoot, metaKeys, partRootName, type MetaKey } from '../../core/collab/report-roots'
import { sharedReportFile } from '../../core/collab/shared-report-file'
import { partTitle, splitReportDoc, type ReportSections } from '../../core/collab/split-report'
import type { DocNode } from '../../core/document-model'
import { fitToSchema } from '../../core/editor-schema/fit-to-schema'
import type { ReportFile } from '../../core/report-file'
import { getBuiltinTemplate, templateForKind } from '../../core/templates/builtin-templates'
import type { Template } from '../../core/templates/template-schema'
import { reportSchema } from './report-schema'

/** A shared report read back from its Yjs document. */
export interface SharedReport {
  report: ReportFile
  /** Part ids in reading order (the `parts` array, duplicates and dangling ids dropped). */
  partIds: string[]
  /** Each part's title, by id. */
  titles: Map<string, string>
  /** The blocks of each root as stored (parts in the order of `partIds`). */
  sections: ReportSections
}

/** Short random part ids (`p` and 10 base-32 characters): root names stay small in every update. */
export function newPartId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  return 'p' + Array.from(randomBytes(10), byte => alphabet[byte & 31]).join('')
}

export function templateOf(report: ReportFile): Template | undefined {
  return getBuiltinTemplate(report.meta.templateId) ?? templateForKind(report.meta.kind)
}

function sectionsOf(report: ReportFile): ReportSections {
  return splitReportDoc(fitToSchema(report.doc, reportSchema()).doc, templateOf(report))
}

function rootDoc(blocks: DocNode[]): PmNode {
  return reportSchema().nodeFromJSON({ type: 'doc', content: blocks })
}

/** Blocks as the schema writes them (attribute defaults filled in), for comparing two versions. */
function normalised(blocks: DocNode[]): string {
  return JSON.stringify(rootDoc(blocks).toJSON().content ?? [])
}

function metaValue(report: ReportFile, key: MetaKey): unknown {
  return JSON.parse(JSON.stringify(report[key]))
}

/** Writes a report into an empty Yjs document, giving each level-1 part a new id. */
export function writeReportToYDoc(ydoc: Y.Doc, report: ReportFile): string[] {
  const sections = sectionsOf(report)
  const ids = sections.parts.map(() => newPartId())
  ydoc.transact(() => {
    const meta = ydoc.getMap(CollabRoot.meta)
    for (const key of metaKeys) meta.set(key, metaValue(report, key))
    prosemirrorJSONToYXmlFragment(
      reportSchema(),
      { type: 'doc', content: sections.front },
      ydoc.getXmlFragment(CollabRoot.front),
    )
    sections.parts.forEach((blocks, index) => {
      prosemirrorJSONToYXmlFragment(
        reportSchema(),
        { type: 'doc', content: blocks },
        ydoc.getXmlFragment(partRootName(ids[index]!)),
      )
    })
    prosemirrorJSONToYXmlFragment(
      reportSchema(),
      { type: 'doc', content: sections.closing },
      ydoc.getXmlFragment(CollabRoot.closing),
    )
    ydoc.getArray<string>(CollabRoot.parts).push(ids)
  })
  return ids
}

function fragmentBlocks(ydoc: Y.Doc, root: string): DocNode[] {
  let fragment: Y.XmlFragment
  try {
    fragment = ydoc.getXmlFragment(root)
  } catch {
    return [] // a root another client defined as a different type holds nothing the editor could show
  }
  return (yXmlFragmentToProseMirrorRootNode(fragment, reportSchema()).toJSON().content ?? []) as DocNode[]
}

/** The part ids of a shared report in reading order. */
export function partIdsOf(ydoc: Y.Doc): string[] {
  const ids: string[] = []
  for (const value of ydoc.getArray<unknown>(CollabRoot.parts).toArray()) {
    if (typeof value === 'string' && !ids.includes(value)) ids.push(value)
  }
  return ids
}

/**
 * The `.wrs` report a shared Yjs document holds: front matter, the parts in the order of `parts`, the closing, and
 * the meta map. Read from a copy, because the ProseMirror conversion repairs (and so changes) content the schema
 * refuses.
 */
export function readReportFromYDoc(source: Y.Doc): SharedReport {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(source))
  const meta = ydoc.getMap<unknown>(CollabRoot.meta)
  const partIds = partIdsOf(ydoc)
  const parts = partIds.map(id => fragmentBlocks(ydoc, partRootName(id)))
  const titles = new Map(partIds.map((id, index) => [id, partTitle(parts[index]!)]))
  const sections: ReportSections = {
    front: fragmentBlocks(ydoc, CollabRoot.front),
    parts,
    closing: fragmentBlocks(ydoc, CollabRoot.closing),
  }
  const report = sharedReportFile(new Map(meta.entries()), sections)
  ydoc.destroy()
  if (!report) throw new Error('共享报告的报告信息已损坏，无法读取。')
  return { report, partIds, titles, sections }
}

/** What merging an edited copy into its base would change. */
export interface MergeResult {
  /** The Yjs update that turns the base into the edited copy (null when the copy changes nothing). */
  update: Uint8Array | null
  /** Part ids of the copy's parts in order (new parts get new ids). */
  partIds: string[]
}

/**
 * Turns an edited copy of a shared report into a Yjs update against `base` (the state it was pulled from), the way
 * the editor's binding turns a ProseMirror change into Yjs operations (`updateYFragment`): only what differs from the
 * base is written, so changes other people made on the server since the pull merge instead of being overwritten.
 * Parts are matched to the base's by their titles (core/collab/align-parts.ts).
 */
export function mergeCopyIntoBase(base: Uint8Array, copy: ReportFile, clientId: number): MergeResult {
  const ydoc = new Y.Doc()
  ydoc.clientID = clientId
  Y.applyUpdate(ydoc, base)
  const before = readReportFromYDoc(ydoc)
  const baseSections = before.sections
  const sections = sectionsOf(copy)
  const matched = alignParts(
    before.partIds.map(id => ({ id, title: before.titles.get(id) ?? '' })),
    sections.parts.map(blocks => partTitle(blocks)),
  )
  // New parts' ids follow from the client id, so the same push repeated writes the same parts, not new ones.
  const partIds = matched.map((id, index) => id ?? `p${clientId.toString(32)}x${index.toString(32)}`)
  const updates: Uint8Array[] = []
  ydoc.on('update', (update: Uint8Array) => updates.push(update))
  const bindingMeta = () => ({ mapping: new Map(), isOMark: new Map() })
  const sync = (root: string, from: DocNode[], to: DocNode[]) => {
    if (normalised(from) !== normalised(to))
      updateYFragment(ydoc, ydoc.getXmlFragment(root), rootDoc(to), bindingMeta())
  }
  ydoc.transact(() => {
    const meta = ydoc.getMap<unknown>(CollabRoot.meta)
    for (const key of metaKeys) {
      const value = metaValue(copy, key)
      if (JSON.stringify(value) !== JSON.stringify(metaValue(before.report, key))) meta.set(key, value)
    }
    sync(CollabRoot.front, baseSections.front, sections.front)
    sections.parts.forEach((blocks, index) => {
      const id = partIds[index]!
      const baseIndex = before.partIds.indexOf(id)
      sync(partRootName(id), baseIndex >= 0 ? (baseSections.parts[baseIndex] ?? []) : [], blocks)
    })
    sync(CollabRoot.closing, baseSections.closing, sections.closing)
    if (JSON.stringify(partIds) !== JSON.stringify(before.partIds)) {
      const order = ydoc.getArray<string>(CollabRoot.parts)
      order.delete(0, order.length)
      order.push(partIds)
    }
  })
  ydoc.destroy()
  return { update: updates.length ? Y.mergeUpdates(updates) : null, partIds }
}
