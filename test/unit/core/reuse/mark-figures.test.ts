import { describe, expect, it } from 'vitest'
import { paragraph } from '../../../../core/document-model'
import type { DocNode } from '../../../../core/document-model'
import { findFigures, markFiguresNeedsReview } from '../../../../core/reuse/mark-figures'
import { needsReviewTexts as marked } from '../../../helpers/needs-review-texts'

function figures(text: string): string[] {
  return findFigures(text).map(range => text.slice(range.from, range.to))
}

describe('findFigures', () => {
  it('finds Arabic numbers, percentages and Chinese-numeral counts', () => {
    expect(figures('累计召开常委会会议8次、听取专项工作报告10次,开展视察十二次,办结率达100%,增长6.5％')).toEqual([
      '8',
      '10',
      '十二次',
      '100%',
      '6.5％',
    ])
    expect(figures('提出意见建议700余条,完善制度二十项,选举产生代表两百余名')).toEqual(['700', '二十项', '两百余名'])
  })

  it('leaves ordinals, session names, slogans and 一 alone', () => {
    expect(figures('区第十七届人民代表大会一次会议上,全面落实区委十二届三次全会精神')).toEqual([])
    expect(figures('紧扣“四个机关”定位,开展“三会一课”,一批难事得到解决')).toEqual([])
  })

  it('leaves numbers inside standard codes, document numbers and book titles alone', () => {
    expect(figures('公文格式严格执行GB/T 9704—2012，通过ISO 9001认证，新建5G基站320个，PM2.5浓度下降8.6%')).toEqual([
      '320',
      '8.6%',
    ])
    expect(figures('印发《二七区志（1991—2020）》和二七发〔2023〕5号文件，整改问题27个')).toEqual(['27'])
    expect(figures('新增4A级景区1个，光伏装机120MW')).toEqual(['1', '120'])
  })
})

describe('markFiguresNeedsReview', () => {
  it('marks every figure, keeps the text and other marks, does not touch the input', () => {
    const input: DocNode[] = [
      paragraph('开展视察12次、专题调研31次。'),
      { type: 'paragraph', content: [{ type: 'text', text: '召开会议8次', marks: [{ type: 'bold' }] }] },
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('捐款410余万元')] }] }],
      },
    ]
    const copy = JSON.parse(JSON.stringify(input))
    const output = markFiguresNeedsReview(input, { source: '2022年报告' })
    expect(input).toEqual(copy)
    expect(marked(output)).toEqual(['12', '31', '8', '410'])
    expect(output[0]!.content!.map(node => node.text).join('')).toBe('开展视察12次、专题调研31次。')
    expect(output[1]!.content![1]).toEqual({
      type: 'text',
      text: '8',
      marks: [{ type: 'bold' }, { type: 'needsReview', attrs: { source: '2022年报告' } }],
    })
    expect(markFiguresNeedsReview(output)).toEqual(output)
  })
})
