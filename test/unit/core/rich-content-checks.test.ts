import { describe, expect, it } from 'vitest'
import { applyTextEdits } from '../../../core/checks/apply-fixes'
import { runChecks } from '../../../core/checks/run-checks'
import { footnotesOf, NodeType, nodeText, type DocNode } from '../../../core/document-model'
import { richReport } from '../../fixtures/rich-content'

/** The document without sub/superscript marks and footnotes: what the checks saw before issue 13. */
function plain(node: DocNode): DocNode {
  const content = node.content
    ?.filter(child => child.type !== NodeType.footnote)
    .map(child => {
      const marks = child.marks?.filter(mark => mark.type !== 'subscript' && mark.type !== 'superscript')
      const next = plain(child)
      if (marks?.length) return { ...next, marks }
      const { marks: _marks, ...rest } = next
      return rest
    })
  return content ? { ...node, content } : node
}

describe('the checks read sub/superscripts and footnotes as the text around them', () => {
  it('finds the same findings with the marks and the footnote as without them', () => {
    const report = richReport()
    const bare = { ...report, doc: plain(report.doc) }
    const key = (finding: ReturnType<typeof runChecks>[number]) =>
      JSON.stringify([finding.rule, finding.location, finding.message])
    expect(footnotesOf(bare.doc)).toEqual([])
    expect(runChecks(report).map(key)).toEqual(runChecks(bare).map(key))
  })

  it('an edit after a footnote and a superscript lands where nodeText says, both kept', () => {
    const report = richReport()
    const index = (report.doc.content ?? []).findIndex(node => nodeText(node).includes('保障性住房'))
    const block = report.doc.content![index]!
    const text = nodeText(block)
    const at = text.indexOf('3.2万吨')
    const edited = applyTextEdits(report.doc, [{ path: [index], from: at, to: at + 3, text: '4.1' }])
    const after = edited.content![index]!
    expect(nodeText(after)).toBe('全年新建保障性住房12万m2，减少CO2排放4.1万吨。')
    expect(footnotesOf(after)).toHaveLength(1)
    expect((after.content ?? []).filter(node => node.marks?.length).map(node => node.marks![0]!.type)).toEqual([
      'superscript',
      'subscript',
    ])
  })
})
