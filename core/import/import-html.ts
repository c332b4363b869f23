import { readHtml, type HtmlSource } from './html-to-blocks'
import { importBlocks, type ImportOptions, type ImportResult } from './import-blocks'

/**
 * Imports a DOCX as the HTML mammoth makes of it (Word heading styles → `<h1>`–`<h4>`): headings from the styles when
 * present, otherwise from numbering and bold lead-ins; run-in headings; tables; front matter — the same structure
 * detection as the text import. What the reading could not keep (images) comes first in the notes.
 */
export function importHtml(html: string, options: ImportOptions = {}, source: HtmlSource = {}): ImportResult {
  const reading = readHtml(html, source)
  const result = importBlocks(reading.blocks, options)
  return { ...result, notes: [...reading.notices, ...result.notes] }
}
