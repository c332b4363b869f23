import { describe, expect, it } from 'vitest'
import { NodeType, textNode } from '../../../core/document-model'
import { headBreakOffsets, withHeadBreaks } from '../../../core/layout/head-breaks'

const lines = (text: string, sizePt: number): string[] => {
  const out: string[] = []
  let last = 0
  for (const offset of [...headBreakOffsets(text, sizePt), text.length]) {
    out.push(text.slice(last, offset))
    last = offset
  }
  return out
}

describe('title and subtitle line breaks, decided once for the PDF and the DOCX (issue 12)', () => {
  it('breaks a long title between phrases into the fewest, most even lines', () => {
    expect(lines('中国人民政治协商会议郑州市二七区委员会常务委员会工作报告', 22)).toEqual([
      '中国人民政治协商会议',
      '郑州市二七区委员会常务委员会工作报告',
    ])
    expect(lines('二七区人民代表大会常务委员会工作报告（征求意见稿）', 22)).toEqual([
      '二七区人民代表大会常务委员会',
      '工作报告（征求意见稿）',
    ])
    expect(lines('政府工作报告', 22)).toEqual(['政府工作报告'])
  })

  it('writes the breaks as hard breaks and keeps bold on both sides', () => {
    const title = {
      type: NodeType.reportTitle,
      content: [textNode('二七区人民代表大会常务委员会', [{ type: 'bold' }]), textNode('工作报告（征求意见稿）')],
    }
    expect(withHeadBreaks(title, 22).content).toEqual([
      textNode('二七区人民代表大会常务委员会', [{ type: 'bold' }]),
      { type: NodeType.hardBreak },
      textNode('工作报告（征求意见稿）'),
    ])
  })
})
