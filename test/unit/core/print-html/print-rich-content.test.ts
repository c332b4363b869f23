import { describe, expect, it } from 'vitest'
import { buildPrintHtml } from '../../../../core/export/print-html/build-print-html'
import { footnoteText, richReport } from '../../../fixtures/rich-content'

describe('print HTML of sub/superscripts, footnotes and rich tables (issue 13)', () => {
  const html = buildPrintHtml(richReport(), { draftLabel: null, fonts: null })
  const body = html.slice(html.indexOf('<body>'))

  it('prints 12万m² and CO₂ with <sup> and <sub>', () => {
    expect(body).toContain('万m<sup>2</sup>，减少CO<sub>2</sub>排放')
  })

  it('prints the footnote number where it stands and its text in the notes list the print page places', () => {
    expect(body).toContain('排放<span class="nb">3.2</span>万吨。\u2060<sup class="fnref" data-note="1">1</sup></p>')
    const notes = /<section class="notes">.*?<\/section>/.exec(body)![0]
    expect(notes).toContain(`<p class="note" data-note="1"><sup class="fnref">1</sup> `)
    expect(notes).toContain('区统计局')
    expect(body.lastIndexOf('</p>')).toBeLessThan(body.indexOf('</section>'))
    expect(body.split(footnoteText.slice(0, 5)).length - 1).toBe(1)
  })

  it('prints merged cells with their spans, the list in a cell and the nested table', () => {
    expect(body).toContain('<th rowspan="2">')
    expect(body).toContain('<th colspan="2">')
    expect(body).toMatch(
      /<td><p class="cell">道路工程<\/p><p class="body list"[^>]*><span class="nb">• <\/span>新建道路<\/p>/,
    )
    expect(body).toMatch(
      /<td><table><colgroup>.*?<\/colgroup><tbody><tr><td><p class="cell">主干路<\/p><\/td>.*?<\/table><p class="cell">合计<span class="nb">15<\/span><\/p><\/td>/,
    )
  })
})
