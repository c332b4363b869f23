import { describe, expect, it } from 'vitest'
import { NodeType } from '../../../core/document-model'
import { importHtml } from '../../../core/import/import-html'
import { headingsOf, importOutline, paragraphTexts } from './import-outline'

describe('importHtml (a DOCX as mammoth HTML)', () => {
  it('keeps only text, headings, bold lead-ins and tables: scripts, styles, handlers, images and links do not survive', () => {
    const html = [
      '<h1>××区人民代表大会常务委员会工作报告</h1>',
      '<p>——2024年1月16日在××区第十八届人民代表大会第三次会议上</p>',
      '<script>window.api.saveReport()</script><style>p{color:red}</style>',
      '<h2 onclick="alert(1)">2023年主要工作</h2>',
      '<p><strong>一、坚持党的领导</strong></p>',
      '<p>全年召开会议<a href="javascript:alert(1)">8次</a>。<img src="data:image/png;base64,AAAA" onerror="alert(2)"></p>',
      '<h2>2024年主要任务</h2>',
      '<p>继续加强监督。</p>',
    ].join('')
    const report = importHtml(html).reports[0]!
    const json = JSON.stringify(report.doc)
    for (const bad of ['script', 'alert', 'javascript', 'onclick', 'onerror', 'img', 'href', 'color:red', 'saveReport'])
      expect(json).not.toContain(bad)
    const types = new Set<string>()
    const walk = (node: { type: string; content?: unknown[] }): void => {
      types.add(node.type)
      for (const child of (node.content ?? []) as Array<{ type: string; content?: unknown[] }>) walk(child)
    }
    walk(report.doc)
    expect([...types].every(type => (Object.values(NodeType) as string[]).includes(type))).toBe(true)
    expect(importOutline(report).parts).toEqual([
      { role: 'review', title: '2023年主要工作', sections: ['坚持党的领导'] },
      { role: 'tasks', title: '2024年主要任务', sections: [] },
    ])
    expect(paragraphTexts(report)).toEqual(['全年召开会议8次。', '继续加强监督。'])
  })

  it('splits a paragraph at <br> and reads a bold run-in heading and a bold unnumbered theme', () => {
    const html = [
      '<p><strong>政府工作报告</strong></p>',
      '<p>——2025年1月7日在××县第十八届<br />人民代表大会第五次会议上</p>',
      '<p>各位代表：</p>',
      '<p><strong>一、2024年工作回顾</strong></p>',
      '<p><strong>经济运行稳中向好</strong></p>',
      '<p>地区生产总值增长6%。</p>',
      '<p><strong>（一）坚持改革开放。</strong>新增市场主体1.5万户。</p>',
      '<p><strong>二、2025年工作安排</strong></p>',
      '<ol><li>实施重点项目130个。</li><li>新增就业5000人。</li></ol>',
    ].join('')
    const report = importHtml(html).reports[0]!
    expect(report.meta).toMatchObject({
      kind: 'gov',
      planYear: 2025,
      meetingName: '××县第十八届人民代表大会第五次会议',
    })
    expect(headingsOf(report)).toEqual([
      { level: 1, text: '2024年工作回顾', runIn: false },
      { level: 2, text: '经济运行稳中向好', runIn: false },
      { level: 2, text: '坚持改革开放。', runIn: true },
      { level: 1, text: '2025年工作安排', runIn: false },
    ])
    // an <ol> is a numbered list: it stays one (it came in as bullets before)
    const list = report.doc.content!.find(node => node.type === NodeType.orderedList)!
    expect(list.content).toHaveLength(2)
    expect(report.doc.content!.some(node => node.type === NodeType.bulletList)).toBe(false)
  })

  it('reads Word auto-numbered themes (mammoth gives <ol><li> without the （一）) as headings, long items as a list', () => {
    const html = [
      '<h1>一、2023年工作回顾</h1>',
      '<ol><li>坚持党的领导</li></ol>',
      '<p>全年召开会议8次。</p>',
      '<ol><li>依法履行监督职责</li></ol>',
      '<p>听取报告10项。</p>',
      '<ol><li>全年听取审议专项工作报告10项，开展执法检查4次。</li><li>作出决议决定13项，任免国家机关工作人员56人次。</li></ol>',
      '<h1>二、2024年工作安排</h1>',
      '<p>正文。</p>',
    ].join('')
    const report = importHtml(html, { kind: 'npc' }).reports[0]!
    expect(importOutline(report).parts).toEqual([
      { role: 'review', title: '2023年工作回顾', sections: ['坚持党的领导', '依法履行监督职责'] },
      { role: 'tasks', title: '2024年工作安排', sections: [] },
    ])
    const list = report.doc.content!.find(node => node.type === NodeType.orderedList)!
    expect(list.content).toHaveLength(2)
  })
  it('keeps a Word heading broken with Shift+Enter as one heading (numbering does not shift)', () => {
    const html = [
      '<h1>二七区人民代表大会常务委员会工作报告</h1>',
      '<p>——2024年1月10日在二七区第十七届人民代表大会第三次会议上</p>',
      '<h1>一、2023年主要工作</h1>',
      '<h2>（一）坚持党的全面领导，<br />确保人大工作正确政治方向</h2>',
      '<p>全年召开常委会会议8次。</p>',
      '<h2>（二）聚焦中心大局</h2>',
      '<p>听取审议专项工作报告10项。</p>',
      '<h1>二、2024年主要任务</h1>',
      '<p>继续依法履职。</p>',
    ].join('')
    const report = importHtml(html).reports[0]!
    const headings = report.doc.content!.filter(node => node.type === NodeType.heading && node.attrs?.level === 2)
    expect(headings.map(node => node.content!.map(text => text.text).join(''))).toEqual([
      '坚持党的全面领导，确保人大工作正确政治方向',
      '聚焦中心大局',
    ])
  })
})
