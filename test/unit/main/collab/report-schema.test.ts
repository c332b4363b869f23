import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { reportSchema } from '../../../../main/collab/report-schema'
import { Suggestion } from '../../../../renderer/editor/extensions/suggestion'
import { reportExtensions } from '../../../../renderer/editor/report-extensions'

/** What decides which documents a schema accepts: names in order, content, groups, marks, attributes and defaults. */
function shape(schema: Schema) {
  const nodes: Array<[string, unknown]> = []
  schema.spec.nodes.forEach((name, spec) => {
    const { parseDOM: _parse, toDOM: _to, toText: _text, ...rest } = spec as Record<string, unknown>
    nodes.push([name, rest])
  })
  const marks: Array<[string, unknown]> = []
  schema.spec.marks.forEach((name, spec) => {
    const { parseDOM: _parse, toDOM: _to, ...rest } = spec as Record<string, unknown>
    marks.push([name, rest])
  })
  return { topNode: schema.topNodeType.name, nodes, marks }
}

describe('the server converts documents with the editor schema', () => {
  it('the schema built from core/editor-schema equals the one TipTap builds from the shared editor extensions', () => {
    const editor = shape(getSchema([...reportExtensions(), Suggestion]))
    const server = shape(reportSchema())
    expect(server).toEqual(editor)
  })

  it('accepts a document with every node and mark the editor knows', () => {
    const schema = reportSchema()
    const doc = schema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'reportTitle', content: [{ type: 'text', text: '工作报告' }] },
        {
          type: 'heading',
          attrs: { level: 1, role: 'review', runIn: false },
          content: [{ type: 'text', text: '回顾' }],
        },
        {
          type: 'paragraph',
          content: [
            {
              type: 'text',
              text: '增长',
              marks: [{ type: 'needsReview', attrs: { source: '2023' } }, { type: 'bold' }],
            },
            { type: 'hardBreak' },
            { type: 'text', text: '12万m' },
            { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
            { type: 'text', text: 'CO' },
            { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
            { type: 'footnote', attrs: { text: '数据来源：区统计局。' } },
          ],
        },
        { type: 'guidance', attrs: { text: '写明成绩。' } },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph' }] }] }],
        },
      ],
    })
    expect(() => doc.check()).not.toThrow()
  })
})
