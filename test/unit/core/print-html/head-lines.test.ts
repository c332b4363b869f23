import { describe, expect, it } from 'vitest'
import { textNode } from '../../../../core/document-model'
import { phraseHtml, squeezeToLinePt } from '../../../../core/export/print-html/head-lines'

const subtitle = (text: string) => ({ type: 'reportSubtitle', content: [textNode(text)] })

describe('title and subtitle lines', () => {
  it('breaks a long title or subtitle only between phrases (回行时词意完整)', () => {
    expect(phraseHtml('——2023年2月27日在二七区第十七届人民代表大会第三次会议上')).toBe('——2023年2月27日<wbr>在二七区<wbr>第十七届人民代表大会<wbr>第三次会议上')
    expect(phraseHtml('中国人民政治协商会议郑州市二七区委员会常务委员会工作报告')).toBe('中国人民政治协商会议<wbr>郑州市二七区委员会<wbr>常务委员会<wbr>工作报告')
    expect(phraseHtml('<政府>工作报告')).toBe('&lt;政府&gt;工作报告')
  })

  it('sets a subtitle up to one and a half characters too wide tight on one line, and leaves the others alone', () => {
    // 28.5 ems on a 27.6-em line: about −0.45 pt per character.
    const squeeze = squeezeToLinePt(subtitle('——2023年2月27日在二七区第十七届人民代表大会第三次会议上'))
    expect(squeeze).toBeLessThan(-0.4)
    expect(squeeze).toBeGreaterThan(-0.6)
    expect(squeezeToLinePt(subtitle('——2025年3月5日在第十四届全国人民代表大会第三次会议上'))).toBe(0)
    expect(squeezeToLinePt(subtitle('——2023年2月27日在郑州市二七区第十七届人民代表大会第三次会议闭幕会上的讲话'))).toBe(0)
  })
})
