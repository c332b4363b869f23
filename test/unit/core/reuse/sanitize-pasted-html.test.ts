import { describe, expect, it } from 'vitest'
import { nodeText } from '../../../../core/document-model'
import type { DocNode } from '../../../../core/document-model'
import { docNodesToHtml } from '../../../../core/reuse/doc-nodes-to-html'
import { readPastedHtml, sanitizePastedHtml } from '../../../../core/reuse/sanitize-pasted-html'

const schemaNodes = new Set([
  'paragraph',
  'text',
  'heading',
  'hardBreak',
  'bulletList',
  'orderedList',
  'listItem',
  'table',
  'tableRow',
  'tableCell',
  'tableHeader',
])
const allowedAttrs: Record<string, string[]> = {
  heading: ['level', 'role', 'runIn'],
  tableCell: ['colspan', 'rowspan'],
  tableHeader: ['colspan', 'rowspan'],
}

function walk(nodes: DocNode[], visit: (node: DocNode) => void): void {
  for (const node of nodes) {
    visit(node)
    if (node.content) walk(node.content, visit)
  }
}

/** What Word 2016 puts on the clipboard (trimmed), with hostile additions. */
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style>
p.MsoNormal { mso-style-parent:""; font-family:仿宋_GB2312 }
@list l0:level1 { mso-level-text:"%1." }
</style><script>alert('head')</script></head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<h1 style='mso-outline-level:1'><span style='font-family:黑体'>一、2023年主要工作<o:p></o:p></span></h1>
<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'><b><span style='font-family:楷体'>（一）坚持党的全面领导。</span></b><span>严格落实第一议题制度，累计开展学习21次。<o:p>&nbsp;</o:p></span></p>
<p class=MsoNormal onclick="steal()" style='text-indent:32.0pt'><span lang=EN-US>全年召开常委会会议</span><span
lang=EN-US>8次，</span><a href="javascript:alert(1)">听取专项工作报告</a>10次。<img src=x onerror="alert(2)"></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>安置房建设<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>医疗保障<o:p></o:p></p>
<!--[if gte vml 1]><v:shape id="pic"><v:imagedata src="file:///C:/clip.png"/></v:shape><![endif]-->
<table class=MsoTableGrid border=1 style='border-collapse:collapse'>
<tr><td style='width:100pt' onmouseover="x()"><p class=MsoNormal>项目</p></td><td colspan=2><p class=MsoNormal><b>数量</b></p></td></tr>
<tr><td><p>视察</p></td><td><p>12次</p></td><td><p>&nbsp;</p></td></tr>
</table>
<p class=MsoNormal><span style='font-weight:bold'>加粗的</span>普通<script>document.cookie</script><iframe src="https://evil"></iframe><style>p{}</style></p>
<!--EndFragment-->
</body></html>`

describe('sanitizePastedHtml', () => {
  const nodes = sanitizePastedHtml(wordHtml, { scheme: 'numbered' })

  it('keeps only schema nodes and schema attributes', () => {
    walk(nodes, node => {
      expect(schemaNodes.has(node.type), node.type).toBe(true)
      for (const key of Object.keys(node.attrs ?? {}))
        expect(allowedAttrs[node.type] ?? [], `${node.type}.${key}`).toContain(key)
      for (const mark of node.marks ?? []) expect(mark).toEqual({ type: 'bold' })
    })
    const json = JSON.stringify(nodes)
    for (const bad of [
      'alert',
      'javascript',
      'onerror',
      'onclick',
      'steal',
      'cookie',
      'evil',
      'mso-',
      'MsoNormal',
      'font-family',
      'clip.png',
      'supportLists',
      'StartFragment',
      'style',
    ]) {
      expect(json, bad).not.toContain(bad)
    }
  })

  it('turns h1 and Chinese numbering into headings, run-in heading split from its body', () => {
    expect(nodes[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
    expect(nodeText(nodes[0]!)).toBe('2023年主要工作')
    expect(nodes[1]).toMatchObject({ type: 'heading', attrs: { level: 2, runIn: true } })
    expect(nodeText(nodes[1]!)).toBe('坚持党的全面领导。')
    expect(nodes[2]).toMatchObject({ type: 'paragraph' })
    expect(nodeText(nodes[2]!)).toBe('严格落实第一议题制度，累计开展学习21次。')
  })

  it('joins Word line wraps inside Chinese text and keeps link text without the link', () => {
    expect(nodeText(nodes[3]!)).toBe('全年召开常委会会议8次，听取专项工作报告10次。')
  })

  it('turns Word list paragraphs into one ordered list', () => {
    const list = nodes[4]!
    expect(list.type).toBe('orderedList')
    expect(list.content!.map(item => nodeText(item))).toEqual(['安置房建设', '医疗保障'])
  })

  it('keeps tables with spans and bold, drops scripts inside paragraphs', () => {
    const table = nodes[5]!
    expect(table.type).toBe('table')
    expect(table.content).toHaveLength(2)
    expect(table.content![0]!.content![1]).toMatchObject({ type: 'tableCell', attrs: { colspan: 2, rowspan: 1 } })
    expect(table.content![0]!.content![1]!.content![0]!.content![0]).toEqual({
      type: 'text',
      text: '数量',
      marks: [{ type: 'bold' }],
    })
    expect(table.content![1]!.content!.map(cell => nodeText(cell))).toEqual(['视察', '12次', ''])
    const last = nodes[6]!
    expect(last.content).toEqual([
      { type: 'text', text: '加粗的', marks: [{ type: 'bold' }] },
      { type: 'text', text: '普通' },
    ])
    expect(nodes).toHaveLength(7)
  })

  it('maps literal numbering to the year-parts scheme and makes bullet lists', () => {
    const html = '<p>（二）加强监督</p><ul><li>一项<ul><li>嵌套</li></ul></li><li><b>二项</b></li></ul><p>&nbsp;</p>'
    const result = sanitizePastedHtml(html, { scheme: 'yearParts' })
    expect(result[0]).toMatchObject({ type: 'heading', attrs: { level: 3, runIn: false } })
    expect(result[1]!.type).toBe('bulletList')
    expect(result[1]!.content![0]!.content!.map(block => block.type)).toEqual(['paragraph', 'bulletList'])
    expect(result).toHaveLength(2)
  })
})

describe('pictures in a paste', () => {
  it('counts each picture once (Word’s VML in comments is not counted again), in cells and list items too', () => {
    const html = [
      '<p>图示如下。<!--[if gte vml 1]><v:shape><v:imagedata src="a.png"/></v:shape><![endif]--><![if !vml]><img src="a.png"><![endif]></p>',
      '<table><tr><td><img src="b.png">指标</td></tr></table>',
      '<ul><li><img src="c.png">要点</li></ul>',
    ].join('')
    const pasted = readPastedHtml(html)
    expect(pasted.images).toBe(3)
    expect(JSON.stringify(pasted.nodes)).not.toContain('png')
    expect(readPastedHtml('<p>没有图片。</p>').images).toBe(0)
  })
})

describe('numbered lists in a paste', () => {
  it('keeps a web page’s start number and letter or Roman format, and adds none to a plain <ol>', () => {
    const [list] = sanitizePastedHtml('<ol start="3" type="a"><li>完善议事规则</li><li>健全工作机制</li></ol>')
    expect(list).toMatchObject({ type: 'orderedList', attrs: { start: 3, type: 'lowerLetter' } })
    const [plain] = sanitizePastedHtml('<ol><li>完善议事规则</li></ol>')
    expect(plain!.type).toBe('orderedList')
    expect(plain!.attrs).toBeUndefined()
  })

  it('reads back the lists it writes for the editor (start, format, marker)', () => {
    const list = {
      type: 'orderedList',
      attrs: { start: 3, type: 'chineseCounting', marker: '（%1）' },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '完善议事规则' }] }] },
      ],
    }
    expect(sanitizePastedHtml(docNodesToHtml([list]))).toEqual([list])
  })
})
