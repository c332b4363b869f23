import { describe, expect, it } from 'vitest'
import { docNodesToHtml } from '../../../../core/reuse/doc-nodes-to-html'
import { pastedTextToNodes } from '../../../../core/reuse/pasted-text-to-nodes'
import { sanitizePastedHtml } from '../../../../core/reuse/sanitize-pasted-html'

describe('docNodesToHtml', () => {
  it('writes the tags the editor parses, escaping text', () => {
    const html = docNodesToHtml(
      sanitizePastedHtml(
        '<h2 class="x">标题</h2><p><b onclick="x()">&lt;script&gt;</b>正文</p><table><tr><td colspan="2">格</td></tr></table>',
      ),
    )
    expect(html).toBe(
      '<h2>标题</h2><p><strong>&lt;script&gt;</strong>正文</p><table><tbody><tr><td colspan="2"><p>格</p></td></tr></tbody></table>',
    )
  })

  it('round-trips sanitising: the output sanitises to the same nodes', () => {
    const nodes = sanitizePastedHtml('<p>（一）坚持党的领导。正文在这里。</p><ul><li>一项</li></ul>')
    expect(sanitizePastedHtml(docNodesToHtml(nodes))).toEqual(nodes)
  })
})

describe('pastedTextToNodes', () => {
  it('makes a paragraph per line, numbered lines headings, indentation dropped', () => {
    const nodes = pastedTextToNodes(
      '一、2023年主要工作\r\n\u3000\u3000（一）坚持党的领导。全年学习21次。\n\n\u3000\u3000正文一段。',
      'numbered',
    )
    expect(
      nodes.map(node => [node.type, node.attrs?.level ?? null, node.content?.map(child => child.text).join('')]),
    ).toEqual([
      ['heading', 1, '2023年主要工作'],
      ['heading', 2, '坚持党的领导。'],
      ['paragraph', null, '全年学习21次。'],
      ['paragraph', null, '正文一段。'],
    ])
  })
})
