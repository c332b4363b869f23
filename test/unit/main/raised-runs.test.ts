import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { raisedRunsAsScripts } from '../../../main/import/raised-runs'

const run = (rPr: string, text: string) => `<w:r><w:rPr>${rPr}</w:rPr><w:t>${text}</w:t></w:r>`
const docx = (body: string): Uint8Array =>
  zipSync({
    '[Content_Types].xml': strToU8('<Types/>'),
    'word/document.xml': strToU8(`<w:document><w:body><w:p>${body}</w:p></w:body></w:document>`),
  })

describe('raised or lowered smaller text becomes w:vertAlign (LibreOffice from HTML)', () => {
  it('marks a raised smaller run superscript and a lowered one subscript, keeping the other parts', () => {
    const bytes = docx(
      run('', '12万m') +
        run('<w:position w:val="8"/><w:sz w:val="19"/>', '2') +
        run('', 'CO') +
        run('<w:position w:val="-2"/><w:sz w:val="19"/>', '2'),
    )
    const files = unzipSync(raisedRunsAsScripts(bytes))
    const xml = strFromU8(files['word/document.xml']!)
    expect(xml).toContain('<w:position w:val="8"/><w:sz w:val="19"/><w:vertAlign w:val="superscript"/></w:rPr>')
    expect(xml).toContain('<w:position w:val="-2"/><w:sz w:val="19"/><w:vertAlign w:val="subscript"/></w:rPr>')
    expect(Object.keys(files).sort()).toEqual(['[Content_Types].xml', 'word/document.xml'])
  })

  it('leaves a run only moved (no size of its own), one already aligned, and a package with none, unchanged', () => {
    const moved = docx(
      run('<w:position w:val="2"/>', '略高') +
        run('<w:position w:val="6"/><w:sz w:val="16"/><w:vertAlign w:val="superscript"/>', '2'),
    )
    expect(raisedRunsAsScripts(moved)).toBe(moved)
    const plain = docx(run('<w:b/>', '正文'))
    expect(raisedRunsAsScripts(plain)).toBe(plain)
  })
})
