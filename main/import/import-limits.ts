import { IMPORT_MAX_PARAGRAPHS, paragraphLimitMessage } from '../../core/import/import-limits'

/** Largest main document part mammoth is given to parse (a 100-page report's is about 1 MB). */
export const DOCX_MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

/** The zh-CN refusal when the main part is too large or has too many paragraphs; undefined when it may be read. */
export function docxParagraphLimit(main: Uint8Array, fileName: string): string | undefined {
  if (main.length > DOCX_MAX_DOCUMENT_BYTES)
    return `“${fileName}”的正文部分解压后有 ${(main.length / 1024 / 1024).toFixed(0)} MB，超过了 ${DOCX_MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的导入上限，不像是一份工作报告。请把文档拆分成几份后分别导入；原文件未作改动。`
  const xml = new TextDecoder().decode(main)
  let count = 0
  for (const _ of xml.matchAll(/<(?:[\w-]+:)?p[\s>/]/g)) count++
  return count > IMPORT_MAX_PARAGRAPHS ? paragraphLimitMessage(fileName, count) : undefined
}
