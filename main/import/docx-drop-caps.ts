import { strFromU8, unzipSync } from 'fflate'

/** The text of a paragraph's runs (`<w:t>`), entities decoded. */
function paragraphText(xml: string): string {
  let text = ''
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += match[1]
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

/**
 * The drop caps of a DOCX in reading order: Word and WPS write a drop cap (首字下沉) as a paragraph of its own in a
 * frame (`<w:framePr w:dropCap="drop|margin">`), holding the first character(s) of the next paragraph. mammoth
 * drops the frame, so the import joins these back by their text. One pass over document.xml, split at paragraph
 * ends; a part that cannot be read gives none (the import itself reports a broken file).
 */
export function docxDropCaps(bytes: Uint8Array, documentPart = 'word/document.xml'): string[] {
  let xml: string
  try {
    const part = unzipSync(bytes, { filter: file => file.name === documentPart })[documentPart]
    if (!part) return []
    xml = strFromU8(part)
  } catch {
    return []
  }
  const caps: string[] = []
  for (const paragraph of xml.split('</w:p>')) {
    if (!/<w:framePr\b[^>]*\bw:dropCap="(?:drop|margin)"/.test(paragraph)) continue
    const start = paragraph.lastIndexOf('<w:p>') >= 0 ? paragraph.lastIndexOf('<w:p>') : paragraph.lastIndexOf('<w:p ')
    const text = paragraphText(paragraph.slice(Math.max(0, start))).trim()
    if (text) caps.push(text)
  }
  return caps
}
