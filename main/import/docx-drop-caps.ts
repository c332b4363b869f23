import { wordRunText } from './word-run-text'

/**
 * The drop caps of a DOCX in reading order: Word and WPS write a drop cap (首字下沉) as a paragraph of its own in a
 * frame (`<w:framePr w:dropCap="drop|margin">`), holding the first character(s) of the next paragraph. mammoth
 * drops the frame, so the import joins these back by their text. One pass over document.xml, split at paragraph
 * ends (the main part as the counted zip reader gave it, read-docx.ts).
 */
export function docxDropCaps(xml: string): string[] {
  const caps: string[] = []
  for (const paragraph of xml.split('</w:p>')) {
    if (!/<w:framePr\b[^>]*\bw:dropCap="(?:drop|margin)"/.test(paragraph)) continue
    const start = paragraph.lastIndexOf('<w:p>') >= 0 ? paragraph.lastIndexOf('<w:p>') : paragraph.lastIndexOf('<w:p ')
    const text = wordRunText(paragraph.slice(Math.max(0, start))).trim()
    if (text) caps.push(text)
  }
  return caps
}
