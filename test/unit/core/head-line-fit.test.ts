import { describe, expect, it } from 'vitest'
import { textNode } from '../../../core/document-model'
import { headLineFitPt } from '../../../core/export/head-line-fit'

const subtitle = (text: string) => ({ type: 'reportSubtitle', content: [textNode(text)] })
const seedSubtitle = subtitle('——2023年2月27日在二七区第十七届人民代表大会第三次会议上')

describe('headLineFitPt: which subtitles both exports hold on one line, and how tight', () => {
  it('sets a subtitle up to one and a half characters too wide tight on one line, and leaves the others alone', () => {
    // 28.5 ems on a 27.6-em line: about −0.45 pt per character.
    const squeeze = headLineFitPt(seedSubtitle)
    expect(squeeze).toBeLessThan(-0.4)
    expect(squeeze).toBeGreaterThan(-0.6)
    expect(headLineFitPt(subtitle('——2025年3月5日在第十四届全国人民代表大会第三次会议上'))).toBe(0)
    expect(headLineFitPt(subtitle('——2023年2月27日在郑州市二七区第十七届人民代表大会第三次会议闭幕会上的讲话'))).toBe(0)
  })

  it('with a renderer gap between 汉字 and digits (LibreOffice), squeezes the same line harder and never one that wraps in the PDF', () => {
    // Six places where 汉字 meet digits: 3.2 pt each, spacing spread over the other 26 characters.
    const docx = headLineFitPt(seedSubtitle, { scriptGapEm: 0.2 })
    expect(docx).toBeLessThan(headLineFitPt(seedSubtitle))
    expect(docx).toBeCloseTo(-1.31, 2)
    const tooLong = subtitle('——2023年2月27日在郑州市二七区第十七届人民代表大会第三次会议闭幕会上的讲话')
    expect(headLineFitPt(tooLong, { scriptGapEm: 0.2 })).toBe(0)
    // Fits as it is without the gaps, but not with them: the DOCX tightens it so that it stays on one line as in the PDF.
    const justFits = subtitle('——2023年12月26日在政协二七区第十届委员会第二次会议上')
    expect(headLineFitPt(justFits)).toBe(0)
    expect(headLineFitPt(justFits, { scriptGapEm: 0.2 })).toBeLessThan(0)
  })

  it('leaves a subtitle written on two lines alone', () => {
    expect(
      headLineFitPt({
        type: 'reportSubtitle',
        content: [
          textNode('——2023年2月27日在二七区第十七届'),
          { type: 'hardBreak' },
          textNode('人民代表大会第三次会议上'),
        ],
      }),
    ).toBe(0)
  })
})
