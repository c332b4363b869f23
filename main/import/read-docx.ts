import { promises as fs } from 'node:fs'
import path from 'node:path'
import { strFromU8, zipSync } from 'fflate'
import mammoth from 'mammoth'
import type { SourceListNumber } from '../../core/import/list-blocks'
import { docxDropCaps } from './docx-drop-caps'
import { docxObjectsLeftOut } from './docx-objects'
import { docxMainPartLimit } from './import-limits'
import { withListNumbers } from './list-numbers'
import { withOutlineLevels } from './outline-levels'
import { DOCX_MAX_BYTES } from './inspect-docx'
import { raisedRunsAsScripts } from './raised-runs'
import { openDocxPackage } from './open-docx-package'

// The checks live in inspect-docx.ts (read without mammoth by the review round's reader); callers import them from here too.
export {
  DOCX_MAX_BYTES,
  DOCX_MAX_RATIO,
  DOCX_MAX_UNPACKED_BYTES,
  inspectDocxBytes,
  type DocxLimits,
} from './inspect-docx'

export type DocxReadResult =
  | {
      ok: true
      html: string
      warnings: string[]
      /** Drop caps (首字下沉) in reading order, to be joined back to their paragraphs (docx-drop-caps.ts). */
      dropCaps: string[]
      /** zh-CN notices of equations, charts and SmartArt the import cannot keep (docx-objects.ts). */
      leftOut: string[]
      /** The numbers Word prints before numbered paragraphs, by the `<a id>` each one's `<li>` opens with. */
      listNumbers: Record<string, SourceListNumber>
    }
  | { ok: false; code: string; message: string }

function refuse(code: string, message: string): DocxReadResult {
  return { ok: false, code, message }
}

/**
 * Word and WPS heading styles (English and Chinese style names) → `<h1>`–`<h4>`; the document title style → `<h1>`.
 * mammoth keeps bold runs as `<strong>` and tables as `<table>`.
 */
export const docxStyleMap: string[] = [1, 2, 3, 4]
  .flatMap(level => [
    `p[style-name='heading ${level}'] => h${level}:fresh`,
    `p[style-name='Heading ${level}'] => h${level}:fresh`,
    `p[style-name='标题 ${level}'] => h${level}:fresh`,
    `p[style-name='标题${level}'] => h${level}:fresh`,
  ])
  .concat(
    [5, 6, 7, 8, 9].flatMap(level => [
      `p[style-name='heading ${level}'] => h4:fresh`,
      `p[style-name='Heading ${level}'] => h4:fresh`,
      `p[style-name='标题 ${level}'] => h4:fresh`,
    ]),
  )
  .concat([`p[style-name='Title'] => h1:fresh`, `p[style-name='标题'] => h1:fresh`])

/** Reads a DOCX (never writes to it) and converts it with mammoth to HTML; refuses bad files with a zh-CN message. */
export async function readDocx(filePath: string): Promise<DocxReadResult> {
  const fileName = path.basename(filePath)
  let size: number
  try {
    const stat = await fs.stat(filePath)
    if (!stat.isFile()) return refuse('not-file', `“${filePath}”不是文件。请选择一个 .docx 文档。`)
    size = stat.size
  } catch {
    return refuse('not-found', `找不到文件“${filePath}”。请检查路径是否正确。`)
  }
  if (size > DOCX_MAX_BYTES) {
    return refuse(
      'too-large',
      `文件“${fileName}”有 ${(size / 1024 / 1024).toFixed(1)} MB，超过了 ${DOCX_MAX_BYTES / 1024 / 1024} MB 的导入上限。请删去其中的大图片或拆分文档后再导入；原文件未作改动。`,
    )
  }
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(filePath)
  } catch {
    return refuse('unreadable', `无法读取文件“${fileName}”（没有权限或正被其他程序占用）。请关闭占用它的程序后重试。`)
  }
  // checked, and a Strict package (ISO/IEC 29500 Strict) with its names in their Transitional form, as mammoth knows them
  const inspected = openDocxPackage(bytes, fileName)
  if (!inspected.ok) return inspected
  const { files } = inspected
  const main = files[inspected.mainPart]!
  const overLimit = docxMainPartLimit(main, fileName)
  if (overLimit) return refuse('too-large', overLimit)
  // mammoth reads the parts as inflated and counted above, repacked without compression, not the original archive
  const outlined = withOutlineLevels(files, inspected.mainPart)
  const numbered = withListNumbers(outlined.files, inspected.mainPart)
  const checked = zipSync(numbered.files, { level: 0 })
  const read = raisedRunsAsScripts(checked, inspected.mainPart)
  const mainXml = strFromU8(outlined.files[inspected.mainPart] ?? main)
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(read.buffer, read.byteOffset, read.byteLength) },
      {
        styleMap: [...docxStyleMap, ...outlined.styleMap],
        includeDefaultStyleMap: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    )
    const warnings = result.messages.filter(message => message.type === 'error').map(message => message.message)
    return {
      ok: true,
      html: result.value,
      warnings,
      dropCaps: docxDropCaps(mainXml),
      leftOut: docxObjectsLeftOut(mainXml),
      listNumbers: numbered.numbers,
    }
  } catch {
    return refuse(
      'unreadable-docx',
      `文件“${fileName}”的内容无法解析（Word 文档结构已损坏）。请在 Word 或 WPS 中打开它并另存为新的 .docx 后再导入；原文件未作改动。`,
    )
  }
}
