import { describe, expect, it } from 'vitest'
import { applyTextEdits, fixAll } from '../../../../core/checks/apply-fixes'
import { runChecks } from '../../../../core/checks/run-checks'
import { NodeType, nodeText, paragraph, textNode, type DocNode } from '../../../../core/document-model'
import { h, p, reportOf, ruleIds, salutation, speaker, subtitle, textFindings, title } from './text-check-helpers'

const cell = (text: string): DocNode => ({ type: NodeType.tableCell, content: [paragraph(text)] })
const table = (...rows: string[][]): DocNode => ({
  type: NodeType.table,
  content: rows.map(row => ({ type: NodeType.tableRow, content: row.map(cell) })),
})

describe('text rules leave alone what the spec exempts', () => {
  const clean: Array<[string, DocNode[]]> = [
    [
      'a URL and an e-mail address in Chinese text',
      [p('详见https://www.gov.cn/zhengce/2024-01/05/content_6924.htm，或发邮件至rdbgs@example.gov.cn。')],
    ],
    ['times, decimals and percentages', [p('会议于15:40开始，增长3.5%，提高0.8个百分点。')]],
    ['a standard code with a hyphen and a space', [p('按照GB/T 9704-2012《党政机关公文格式》排版。')]],
    ['an apostrophe inside a Latin word', [p("赴Xi'an参加交流活动。")]],
    ['durations with 年', [p('成立75年来，他已工作30年，近20年来变化巨大。')]],
    [
      'a quotation over three paragraphs',
      [p('“第一段引文，坚持依法履职。'), p('“第二段引文，坚持人民至上。'), p('“第三段引文，坚持守正创新。”')],
    ],
    ['a speaker line with a padded name', [speaker('二七区人大常委会主任  张  三'), salutation('各位代表：')]],
    ['a table with names, counts and labels', [table(['姓名', '件数'], ['张  三', '21'], ['合计', '21'])]],
    [
      'a run-in heading ending in 。',
      [h(1, '过去一年的主要工作'), h(2, '坚持党的全面领导。', true), p('全年开展学习15次。')],
    ],
    ['a byline paragraph', [p('全年开展学习15次。'), p('记者 景静')]],
    [
      'a lead-in colon before the headings it introduces',
      [h(1, '过去一年的主要工作'), p('回顾一年，我们重点抓了以下五个方面工作：'), h(2, '坚持党的全面领导')],
    ],
    [
      'a lead-in colon before the paragraph it introduces',
      [
        h(1, '2024年工作安排'),
        p('今年经济社会发展的主要预期目标是：'),
        p('地区生产总值增长6%左右，城镇新增就业1万人以上。'),
      ],
    ],
    [
      'words that only look doubled',
      [p('为了了解情况，对对方的意见进行研究，就就业问题提出建议，从从事相关工作的人员中选拔。')],
    ],
    ['ordinals and counts', [p('第一议题制度落实到位，召开常委会会议21次，第一次全体会议顺利召开。')]],
    [
      'an enumeration of ordinals and a ratio',
      [p('三次产业结构调整为2.1∶35.6∶62.3，第一、二、三产业协调发展，PM2.5平均浓度下降8.3%。')],
    ],
    [
      'a document number, book titles and a quotation',
      [
        p('出台《关于进一步加强基层治理的实施意见》（二七办〔2023〕15号），建成新时代文明实践站（所）126个。'),
        p('他指出：“要坚持稳中求进工作总基调。”会议要求各部门认真贯彻。'),
      ],
    ],
    [
      'the 1. heading marker typed into a paragraph',
      [h(1, '过去一年的主要工作'), p('1.坚持党的领导。'), p('2.加强监督工作。')],
    ],
  ]
  for (const [label, nodes] of clean) {
    it(label, () => {
      expect(
        textFindings(reportOf(nodes, { numbering: 'numbered' })).map(finding => `${finding.rule}: ${finding.message}`),
      ).toEqual([])
    })
  }

  it('a quotation or book title cut by a newspaper column is one TXT-TRUNC, not three findings', () => {
    const cut = reportOf([
      p('持续开展以“亮委员身份，尽委员责任，展'),
      p('委员风采”为主题的委员进社区活动。'),
      p('制定《政协郑'),
      p('州市二七区委员会委员年度履职量化考核细则》。'),
    ])
    expect(textFindings(cut).map(finding => [finding.rule, finding.location.path[0]])).toEqual([
      ['TXT-TRUNC', 0],
      ['TXT-TRUNC', 2],
    ])
    const notCut = reportOf([p('持续开展以“亮委员身份为主题的活动。'), p('委员风采”得到展示。')])
    expect(ruleIds(textFindings(notCut))).toEqual(['PUN-PAIR'])
    expect(textFindings(notCut)).toHaveLength(2)
  })

  it('still flags a colon with nothing after it as cut', () => {
    expect(ruleIds(textFindings(reportOf([h(1, '2024年工作安排'), p('今年经济社会发展的主要预期目标是：')])))).toEqual([
      'TXT-TRUNC',
    ])
  })

  it('still flags half-width marks in a table cell and a heading', () => {
    const report = reportOf([
      h(1, '过去一年的主要工作,成效明显'),
      table(['项目', '说明'], ['监督', '听取报告,开展检查']),
    ])
    expect(ruleIds(textFindings(report))).toEqual(['PUN-HALFWIDTH'])
    expect(textFindings(report).map(finding => finding.location.path)).toEqual([[0], [1, 1, 1, 0]])
  })

  it('compares the 届 of the title with the subtitle’s meeting', () => {
    const occasion = subtitle('——2024年1月16日在政协二七区第十届委员会第二次会议上')
    const right = reportOf([title('中国人民政治协商会议二七区第十届委员会常务委员会工作报告'), occasion], {
      kind: 'cppcc',
      templateId: 'cppcc',
    })
    expect(textFindings(right)).toEqual([])
    const wrong = reportOf([title('中国人民政治协商会议二七区第九届委员会常务委员会工作报告'), occasion], {
      kind: 'cppcc',
      templateId: 'cppcc',
    })
    expect(textFindings(wrong).map(finding => [finding.rule, finding.location.path[0]])).toEqual([['TXT-SESSION', 0]])
    const speakerFromNpc = reportOf([occasion, speaker('二七区人大常委会主任 张三')], {
      kind: 'cppcc',
      templateId: 'cppcc',
    })
    expect(textFindings(speakerFromNpc).map(finding => [finding.rule, finding.location.path[0]])).toEqual([
      ['TXT-SESSION', 1],
    ])
    const speakerFromCppcc = reportOf([occasion, speaker('区政协主席 乔琳')], { kind: 'cppcc', templateId: 'cppcc' })
    expect(textFindings(speakerFromCppcc).filter(finding => finding.rule === 'TXT-SESSION')).toEqual([])
  })

  it('leaves a wrong part-title year and a missing salutation to the structure rules (one finding each)', () => {
    const report = reportOf([
      title('二七区人民代表大会常务委员会工作报告'),
      subtitle('——2024年1月16日在二七区第十七届人民代表大会第三次会议上'),
      speaker('二七区人大常委会主任 张三'),
      h(1, '2022年工作回顾', false),
    ])
    const findings = runChecks(report)
    expect(
      findings
        .filter(finding => finding.location.path[0] === 3 && /YEAR/.test(finding.rule))
        .map(finding => finding.rule),
    ).toEqual(['STR-YEAR'])
    expect(findings.filter(finding => /称呼/.test(finding.message)).map(finding => finding.rule)).toEqual([
      'STR-FRONT-MATTER',
    ])
  })

  it('compares only this level’s sessions with the subtitle', () => {
    const occasion = subtitle('——2024年1月16日在二七区第十二届人民代表大会第三次会议上')
    const others = p(
      '深入学习贯彻十四届全国人大二次会议和省十四届人大二次会议精神，区十二届人大二次会议以来，常委会依法履职。',
    )
    expect(textFindings(reportOf([occasion, others]))).toEqual([])
    const wrong = p('区十二届人大三次会议以来，常委会依法履职。')
    expect(ruleIds(textFindings(reportOf([occasion, wrong])))).toEqual(['TXT-SESSION'])
  })

  it('reads 一是/三是 after half-width marks and does not call an unstyled heading truncated', () => {
    const report = reportOf(
      [h(1, '过去一年的主要工作'), p('一、坚持党的领导'), p('我们要：一是加强学习;三是完善制度。')],
      { numbering: 'yearParts' },
    )
    const findings = textFindings(report)
    expect(findings.map(finding => [finding.rule, finding.location.path[0]])).toEqual([
      ['PUN-HALFWIDTH', 2],
      ['TXT-SEQ-CONT', 2],
    ])
  })

  it('flags a number typed into a heading, which would print after the computed one', () => {
    const report = reportOf([h(1, '过去一年的主要工作'), h(2, '（三）加强监督工作'), h(2, '2023年工作成效')])
    const findings = textFindings(report)
    expect(
      findings.map(finding => [finding.rule, finding.location.path[0], finding.location.from, finding.location.to]),
    ).toEqual([['TXT-SEQ-CONT', 1, 0, 3]])
    expect(findings[0]!.message).toContain('（一）')
  })

  it('finds a cross-paragraph 一是/二是 gap and restarts after a heading', () => {
    const report = reportOf([
      h(1, '过去一年的主要工作'),
      p('一是加强学习。'),
      p('二是完善制度。'),
      p('四是改进作风。'),
      h(1, '今年的主要任务'),
      p('一是抓好落实。'),
    ])
    const findings = textFindings(report)
    expect(findings.map(finding => [finding.rule, finding.location.path[0]])).toEqual([['TXT-SEQ-CONT', 3]])
    expect(findings[0]!.message).toContain('三是')
  })
})

describe('applyTextEdits', () => {
  const bold = [{ type: 'bold' }]
  const doc: DocNode = {
    type: NodeType.doc,
    content: [
      {
        type: NodeType.paragraph,
        content: [textNode('报告工作,'), textNode('请予审议', bold), { type: NodeType.hardBreak }, textNode('谢谢.')],
      },
    ],
  }

  it('replaces characters in place, keeps the marks of the surrounding text and leaves the input unchanged', () => {
    const next = applyTextEdits(doc, [
      { path: [0], from: 4, to: 5, text: '，' },
      { path: [0], from: 12, to: 13, text: '。' },
    ])
    expect(nodeText(next.content![0]!)).toBe('报告工作，请予审议\n谢谢。')
    expect(next.content![0]!.content).toEqual([
      textNode('报告工作，'),
      textNode('请予审议', bold),
      { type: NodeType.hardBreak },
      textNode('谢谢。'),
    ])
    expect(nodeText(doc.content![0]!)).toBe('报告工作,请予审议\n谢谢.')
  })

  it('applies a replacement inside a marked run with the run’s marks, and deletions across nodes', () => {
    const inBold = applyTextEdits(doc, [{ path: [0], from: 6, to: 8, text: '提请' }])
    expect(inBold.content![0]!.content![1]).toEqual(textNode('请提请议', bold))
    const across = applyTextEdits(doc, [{ path: [0], from: 4, to: 10, text: '' }])
    expect(nodeText(across.content![0]!)).toBe('报告工作谢谢.')
    expect(across.content![0]!.content).toEqual([textNode('报告工作谢谢.')])
  })

  it('fixAll fixes bold text without losing the bold', () => {
    const report = reportOf([
      { type: NodeType.paragraph, content: [textNode('各项工作'), textNode('扎实推进,成效明显', bold), textNode('.')] },
    ])
    const fixed = fixAll(report)
    expect(fixed.doc.content![0]!.content).toEqual([
      textNode('各项工作'),
      textNode('扎实推进，成效明显', bold),
      textNode('。'),
    ])
    expect(report.doc.content![0]!.content![1]!.text).toBe('扎实推进,成效明显')
  })
})
