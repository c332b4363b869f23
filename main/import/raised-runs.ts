import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'

/** A run's properties holding a raised or lowered position (`w:position`, half-points) and a size of their own. */
const positioned = /<w:rPr>((?:(?!<\/w:rPr>).)*?<w:position w:val="(-?\d+)"\/>(?:(?!<\/w:rPr>).)*?)<\/w:rPr>/gs

/**
 * Sub/superscripts LibreOffice writes from HTML (and some older Word documents) as raised or lowered text in a
 * smaller size (`<w:position w:val="8"/><w:sz w:val="19"/>`) rather than `w:vertAlign`, which is all mammoth reads:
 * such runs get the `w:vertAlign` their look means, so `12万m²` is not imported as `12万m2`. A run only moved
 * (no smaller size of its own) is left alone. The package is rebuilt only when a run changed; otherwise the bytes
 * come back as they were. Reads `documentPart` only; a package that cannot be read comes back unchanged (the import
 * reports it).
 */
export function raisedRunsAsScripts(bytes: Uint8Array, documentPart = 'word/document.xml'): Uint8Array {
  let files: Record<string, Uint8Array>
  try {
    const part = unzipSync(bytes, { filter: file => file.name === documentPart })[documentPart]
    if (!part) return bytes
    const xml = strFromU8(part)
    if (!xml.includes('<w:position ')) return bytes
    let changed = false
    const rewritten = xml.replace(positioned, (whole: string, inner: string, value: string) => {
      const position = Number(value)
      if (position === 0 || inner.includes('<w:vertAlign') || !inner.includes('<w:sz ')) return whole
      changed = true
      return `<w:rPr>${inner}<w:vertAlign w:val="${position > 0 ? 'superscript' : 'subscript'}"/></w:rPr>`
    })
    if (!changed) return bytes
    files = unzipSync(bytes)
    files[documentPart] = strToU8(rewritten)
  } catch {
    return bytes
  }
  // stored, not deflated again: only mammoth reads this copy, once
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 0 }]])) as Zippable,
  )
}
