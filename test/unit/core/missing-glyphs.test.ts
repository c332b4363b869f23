import { describe, expect, it } from 'vitest'
import { footnote, paragraph, textNode, type DocNode } from '../../../core/document-model'
import {
  describeMissingGlyphs,
  missingGlyphs,
  parseCharset,
  type FontCoverage,
} from '../../../core/export/missing-glyphs'
import { planFonts } from '../../../core/export/print-html/font-plan'

/** A machine with FandolFang (basic Latin and the common CJK block) and nothing else that matters. */
const coverage: FontCoverage = new Map([['fandolfang', parseCharset('20-7e 3000-303f 4e00-9fff ff01-ff5e')]])
const plan = planFonts(['FandolFang'])

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

describe('glyph coverage of the chosen faces (issue 13)', () => {
  it('reads fontconfig charsets', () => {
    expect(parseCharset('20-7e a0 4e00-9fff')).toEqual([
      [0x20, 0x7e],
      [0xa0, 0xa0],
      [0x4e00, 0x9fff],
    ])
  })

  it('names the characters no installed face covers, with where they stand and how often', () => {
    const missing = missingGlyphs(
      doc(
        paragraph('𠀀村和𪚥村的道路全部硬化。'),
        { type: 'paragraph', content: [textNode('𠀀村'), footnote('𠀀村原属𪚥乡。')] },
        paragraph('全年新建道路12公里。'),
      ),
      plan,
      coverage,
    )
    expect(missing).toEqual([
      { char: '𠀀', codePoint: 'U+20000', count: 3, context: '𠀀村和𪚥村的道' },
      { char: '𪚥', codePoint: 'U+2A6A5', count: 2, context: '𠀀村和𪚥村的道路全部' },
    ])
    const sentence = describeMissingGlyphs(missing)
    expect(sentence).toContain('“𠀀”（U+20000，见“𠀀村和𪚥村的道”等 3 处）')
    expect(sentence).toContain('空框')
  })

  it('says nothing when every character is covered, or when coverage is not known here', () => {
    expect(missingGlyphs(doc(paragraph('全年新建道路12公里。')), plan, coverage)).toEqual([])
    expect(missingGlyphs(doc(paragraph('𠀀村')), plan, null)).toEqual([])
  })
})
