import { IMPORT_MAX_PARAGRAPHS, paragraphLimitMessage } from '../../core/import/import-limits'
import { DOCX_MAX_XML_PART_BYTES } from './inspect-docx'

/** Largest main document part mammoth is given to parse (a 100-page report's is about 1 MB). */
export const DOCX_MAX_DOCUMENT_BYTES = DOCX_MAX_XML_PART_BYTES
/**
 * Deepest element nesting of the main part mammoth is given (its reader recurses per element): a table nested in
 * a table costs four levels, so 200 is some 45 tables deep, and the report it makes stays under REPORT_MAX_NESTING.
 */
export const DOCX_MAX_XML_DEPTH = 200

/** Paragraphs and deepest nesting of an XML part, counted in one pass over its tags. */
function measure(xml: string): { paragraphs: number; depth: number } {
  let paragraphs = 0
  let depth = 0
  let deepest = 0
  for (const match of xml.matchAll(/<([/?!]?)([\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    const [, kind, , local, empty] = match
    if (kind === '?' || kind === '!') continue
    if (kind === '/') {
      depth--
      continue
    }
    if (local === 'p') paragraphs++
    if (empty) continue
    depth++
    if (depth > deepest) deepest = depth
  }
  return { paragraphs, depth: deepest }
}

/** The zh-CN refusal when the main part is too large, too deep or has too many paragraphs; undefined when it may be read. */
export function docxMainPartLimit(main: Uint8Array, fileName: string): string | undefined {
  if (main.length > DOCX_MAX_DOCUMENT_BYTES)
    return `“${fileName}”的正文部分解压后有 ${(main.length / 1024 / 1024).toFixed(0)} MB，超过了 ${DOCX_MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的导入上限，不像是一份工作报告。请把文档拆分成几份后分别导入；原文件未作改动。`
  const { paragraphs, depth } = measure(new TextDecoder().decode(main))
  if (depth > DOCX_MAX_XML_DEPTH)
    return `“${fileName}”的正文嵌套了 ${depth} 层（如表格套表格），超过了 ${DOCX_MAX_XML_DEPTH} 层的导入上限，无法导入。请在 Word 或 WPS 中简化表格的嵌套后再导入；原文件未作改动。`
  return paragraphs > IMPORT_MAX_PARAGRAPHS ? paragraphLimitMessage(fileName, paragraphs) : undefined
}
