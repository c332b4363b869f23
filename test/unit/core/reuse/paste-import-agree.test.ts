import { describe, expect, it } from 'vitest'
import { frontMatterTypes, nodeText, type DocNode } from '../../../../core/document-model'
import { importHtml } from '../../../../core/import/import-html'
import { importText } from '../../../../core/import/import-text'
import { pastedTextToNodes } from '../../../../core/reuse/pasted-text-to-nodes'
import { sanitizePastedHtml } from '../../../../core/reuse/sanitize-pasted-html'

/**
 * Issue 10: paste and import make the same decisions. The same text goes through import (text and DOCX HTML) and
 * through paste (plain text and HTML), with the numbering scheme the import found; the blocks must agree: which are
 * headings, at which level, run-in or not, with which text and marks.
 */

function signature(nodes: readonly DocNode[]): string[] {
  return nodes
    .filter(node => !frontMatterTypes.includes(node.type))
    .map(node => {
      const attrs = node.type === 'heading' ? ` L${node.attrs?.level}${node.attrs?.runIn ? ' run-in' : ''}` : ''
      const bold = (node.content ?? []).filter(child => child.marks?.some(mark => mark.type === 'bold'))
      return `${node.type}${attrs}: ${nodeText(node)}${bold.length ? ` [bold: ${bold.map(nodeText).join('|')}]` : ''}`
    })
}

const fragments: Array<[string, string[]]> = [
  ['a ■ theme', ['■ 强化监督', '听取审议专项工作报告10项。', '■ 加强代表工作', '代表建议全部办结。']],
  ['a year-part title', ['过去一年工作回顾', '一、坚持党的领导', '全年开展理论学习21次。']],
  [
    'three lead sentences',
    [
      '紧盯经济运行强化监督。听取审议计划执行情况的报告，督促政府落实惠企政策。',
      '紧盯民生实事强化监督。听取审议民生实事项目进展情况的报告，推动项目按期完成。',
      '紧盯生态环境强化监督。听取审议环境状况和环境保护目标完成情况的报告。',
    ],
  ],
  ['a numbered run-in heading', ['（一）坚持党的领导。严格落实第一议题制度，开展理论学习21次。']],
  ['numbered headings and a body', ['一、2023年主要工作', '（一）依法履行监督职责', '听取审议专项工作报告10项。']],
]

describe('paste and import decide the same', () => {
  for (const [name, lines] of fragments) {
    it(`for ${name}`, () => {
      const imported = importText(lines.join('\n')).reports[0]!
      const expected = signature(imported.doc.content!)
      const scheme = imported.meta.numbering
      expect(signature(pastedTextToNodes(lines.join('\n'), scheme))).toEqual(expected)
      const html = lines.map(line => `<p>${line}</p>`).join('')
      expect(signature(sanitizePastedHtml(html, { scheme }))).toEqual(expected)
      expect(signature(importHtml(html).reports[0]!.doc.content!)).toEqual(expected)
    })
  }

  it('keeps lead sentences as body text and a bold lead-in as a bold run, in both', () => {
    const html = [
      '<p><strong>以更实举措提升履职实效。</strong>围绕“安居”工程建设，开展安置房建设专项视察。</p>',
      '<p><strong>以更优服务支持代表依法履职。</strong>拓展深化街道居民议事会制度。</p>',
      '<p><strong>以更高标准加强自身建设。</strong>严格落实党风廉政建设责任制。</p>',
    ].join('')
    const expected = [
      'paragraph: 以更实举措提升履职实效。围绕“安居”工程建设，开展安置房建设专项视察。 [bold: 以更实举措提升履职实效。]',
      'paragraph: 以更优服务支持代表依法履职。拓展深化街道居民议事会制度。 [bold: 以更优服务支持代表依法履职。]',
      'paragraph: 以更高标准加强自身建设。严格落实党风廉政建设责任制。 [bold: 以更高标准加强自身建设。]',
    ]
    expect(signature(importHtml(html).reports[0]!.doc.content!)).toEqual(expected)
    expect(signature(sanitizePastedHtml(html))).toEqual(expected)
  })
})
