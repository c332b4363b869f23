import { describe, expect, it } from 'vitest'
import { footnotesOf, nodeText, NodeType } from '../../../../core/document-model'
import { docNodesToHtml } from '../../../../core/reuse/doc-nodes-to-html'
import { sanitizePastedHtml } from '../../../../core/reuse/sanitize-pasted-html'
import { richNodes, tableShape } from '../../../fixtures/rich-content'

/** Word 2016's clipboard for a paragraph with m², CO₂ and a footnote, and a table with merged cells, a list and a
 * nested table in cells (trimmed to what matters). */
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body lang=ZH-CN>
<!--StartFragment-->
<p class=MsoNormal>全年新建保障性住房12万m<sup>2</sup>，减少CO<span style='vertical-align:sub'>2</span>排放3.2万吨。<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span class=MsoFootnoteReference>[1]</span><![endif]></span></span></a></p>
<table class=MsoTableGrid border=1>
<tr><td rowspan=2><p>项目</p></td><td colspan=2><p>完成数量</p></td></tr>
<tr><td><p>2022年</p></td><td><p>2023年</p></td></tr>
<tr><td><p>道路工程</p><ul><li>新建道路</li><li>改建道路</li></ul></td><td><p>12</p></td>
<td><table border=1><tr><td><p>主干路</p></td><td><p>9</p></td></tr><tr><td><p>次干路</p></td><td><p>6</p></td></tr></table><p>合计15</p></td></tr>
</table>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width="33%"><![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span class=MsoFootnoteReference>[1]</span></a> 数据来源：区统计局2023年统计公报。</p>
</div></div>
<!--EndFragment-->
</body></html>`

describe('paste keeps sub/superscripts, footnotes and rich tables (issue 13)', () => {
  const nodes = sanitizePastedHtml(wordHtml, { scheme: 'numbered' })

  it('keeps m² and CO₂ as marks and the footnote as a footnote with its text, no [1] left', () => {
    const first = nodes[0]!
    expect(nodeText(first)).toBe('全年新建保障性住房12万m2，减少CO2排放3.2万吨。')
    expect((first.content ?? []).filter(node => node.marks?.length).map(node => node.marks![0]!.type)).toEqual([
      'superscript',
      'subscript',
    ])
    expect(footnotesOf({ type: 'doc', content: nodes })).toEqual([
      { type: 'footnote', attrs: { text: '数据来源：区统计局2023年统计公报。' } },
    ])
    expect(JSON.stringify(nodes)).not.toContain('[1]')
  })

  it('keeps merged cells, the list in a cell and the nested table, and no note text as body', () => {
    const tables = nodes.filter(node => node.type === NodeType.table)
    expect(tables).toHaveLength(1)
    expect(tableShape(tables[0]!)).toEqual(tableShape(richNodes()[1]!))
    expect(nodes).toHaveLength(2)
  })

  it('hands the editor HTML it reads back the same way (sub, sup, footnote, spans, nested blocks)', () => {
    const html = docNodesToHtml(nodes)
    expect(html).toContain('万m<sup>2</sup>，减少CO<sub>2</sub>排放')
    expect(html).toContain('<sup data-footnote="" data-text="数据来源：区统计局2023年统计公报。"></sup>')
    expect(html).toContain('<td rowspan="2">')
    expect(html).toMatch(/<td><p>道路工程<\/p><ul><li><p>新建道路<\/p><\/li>/)
    expect(html).toMatch(/<td><table><tbody><tr><td><p>主干路<\/p>/)
  })
})
