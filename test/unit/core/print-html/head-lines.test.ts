import { describe, expect, it } from 'vitest'
import { phraseHtml } from '../../../../core/export/print-html/head-lines'

describe('title and subtitle lines', () => {
  it('breaks a long title or subtitle only between phrases (回行时词意完整)', () => {
    expect(phraseHtml('——2023年2月27日在二七区第十七届人民代表大会第三次会议上')).toBe(
      '——2023年2月27日<wbr>在二七区<wbr>第十七届人民代表大会<wbr>第三次会议上',
    )
    expect(phraseHtml('中国人民政治协商会议郑州市二七区委员会常务委员会工作报告')).toBe(
      '中国人民政治协商会议<wbr>郑州市二七区委员会<wbr>常务委员会<wbr>工作报告',
    )
    expect(phraseHtml('<政府>工作报告')).toBe('&lt;政府&gt;工作报告')
  })
})
