import { describe, expect, it } from 'vitest'
import { docNodeSchema } from '../../../core/doc-node-schema'
import type { DocNode } from '../../../core/document-model'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

describe('docNodeSchema (a hand check first, zod for what it does not pass)', () => {
  const tree: DocNode = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1, role: null }, content: [{ type: 'text', text: '一年来的工作' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '加粗', marks: [{ type: 'bold' }] },
          { type: 'text', text: '需核实', marks: [{ type: 'needsReview', attrs: { note: '' } }] },
          { type: 'hardBreak' },
        ],
      },
      { type: 'paragraph' },
    ],
  }

  it('keeps a well-formed tree as it is', () => {
    expect(docNodeSchema.parse(structuredClone(tree))).toEqual(tree)
  })

  it('drops keys the model does not have, at any depth, as zod always did', () => {
    const extra = structuredClone(tree)
    Object.assign(extra, { selection: { anchor: 1 } })
    Object.assign(extra.content![1]!.content![0]!.marks![0]!, { stray: true })
    Object.assign(extra.content![2]!, { id: 'x' })
    expect(docNodeSchema.parse(extra)).toEqual(tree)
  })

  it('says where a node is wrong', () => {
    const report = npcReportFixture()
    const broken = JSON.parse(serializeReportFile(report)) as { doc: { content: Array<Record<string, unknown>> } }
    broken.doc.content[3]!['content'] = [{ type: 'text', text: 42 }]
    const result = parseReportFile(JSON.stringify(broken))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('doc.content.3.content.0.text处不符合格式')
    for (const bad of [
      { type: '' },
      { type: 'p', marks: [{}] },
      { type: 'p', attrs: [] },
      { type: 'p', content: {} },
      [],
    ])
      expect(docNodeSchema.safeParse(bad).success).toBe(false)
  })
})
