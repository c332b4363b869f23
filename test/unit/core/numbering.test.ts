import { describe, expect, it } from 'vitest'
import { chineseNumeral, computeMarkers, parseChineseNumeral, parseLeadingMarker } from '../../../core/numbering'

describe('numbering', () => {
  it('writes and reads Chinese numerals 1–99', () => {
    for (let value = 1; value <= 99; value++) expect(parseChineseNumeral(chineseNumeral(value))).toBe(value)
    expect(chineseNumeral(10)).toBe('十')
    expect(chineseNumeral(21)).toBe('二十一')
    expect(parseChineseNumeral('一一')).toBeUndefined()
  })

  it('computes markers from position and restarts deeper levels', () => {
    expect(computeMarkers('numbered', [1, 2, 2, 3, 1, 2])).toEqual(['一、', '（一）', '（二）', '1.', '二、', '（一）'])
    expect(computeMarkers('yearParts', [1, 2, 2, 1, 2])).toEqual(['', '一、', '二、', '', '一、'])
  })

  it('reads literal markers in full- and half-width forms', () => {
    expect(parseLeadingMarker('（三）加强监督')).toEqual({ depth: 2, value: 3, length: 3 })
    expect(parseLeadingMarker('(三)加强监督')).toMatchObject({ depth: 2, value: 3 })
    expect(parseLeadingMarker('十二、其他')).toMatchObject({ depth: 1, value: 12 })
    expect(parseLeadingMarker('2.审议')).toMatchObject({ depth: 3, value: 2 })
    expect(parseLeadingMarker('3.5个百分点')).toBeUndefined()
    expect(parseLeadingMarker('（1）听取')).toMatchObject({ depth: 4, value: 1 })
  })
})
