import { inflateEntry, zipEntries } from './zip-entries'

/** Largest DOCX accepted (a 100-page report with pictures is a few MB). */
export const DOCX_MAX_BYTES = 50 * 1024 * 1024
/** Largest total unpacked size of the parts of one DOCX. */
export const DOCX_MAX_UNPACKED_BYTES = 300 * 1024 * 1024
/**
 * Largest unpacked XML part (document, styles, numbering…): a 100-page report's document.xml is about 1 MB. A zip
 * that lies about its sizes is stopped here after 64 MB of inflating, not at the 300 MB of the whole package.
 */
export const DOCX_MAX_XML_PART_BYTES = 64 * 1024 * 1024
/** Packed-to-unpacked ratio above which a large entry is treated as a zip bomb (text XML compresses ~10–30×). */
export const DOCX_MAX_RATIO = 200
/** A report's DOCX has a few dozen parts; 20,000 is far past any real one and still cheap to list. */
const MAX_ENTRIES = 20_000

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

type Refusal = { ok: false; code: string; message: string }

function refuse(code: string, message: string): Refusal {
  return { ok: false, code, message }
}

export interface DocxLimits {
  maxUnpackedBytes: number
}

/** The parts as inflated (within the limits) and the main document part's name. */
export type DocxInspection = { ok: true; files: Record<string, Uint8Array>; mainPart: string } | Refusal

/**
 * Checks a DOCX before any parser touches it: size, OLE container (password-protected OOXML or an old .doc), zip
 * structure (central directory present = not truncated), declared and real unpacked sizes (zip bomb), the main
 * part named by the package relationships. Returns the inflated parts, which are all a parser may read.
 */
export function inspectDocxBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: DocxLimits = { maxUnpackedBytes: DOCX_MAX_UNPACKED_BYTES },
): DocxInspection {
  const name = `“${fileName}”`
  if (bytes.length > DOCX_MAX_BYTES) {
    return refuse(
      'too-large',
      `文件${name}有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过了 ${DOCX_MAX_BYTES / 1024 / 1024} MB 的导入上限。请删去其中的大图片或拆分文档后再导入；原文件未作改动。`,
    )
  }
  if (bytes.length >= 8 && oleSignature.every((byte, index) => bytes[index] === byte)) {
    return refuse(
      'encrypted',
      `文件${name}设置了打开密码（已加密），或是旧版 Word 97-2003 的 .doc 文件，无法导入。请在 Word 或 WPS 中去掉密码（文件→信息→保护文档）并另存为 .docx 后再导入；原文件未作改动。`,
    )
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) {
    return refuse(
      'not-zip',
      `文件${name}不是有效的 Word 文档（.docx 应是 zip 压缩包，这个文件不是）。请在 Word 或 WPS 中打开它并另存为 .docx 后再导入；原文件未作改动。`,
    )
  }
  const entries = zipEntries(bytes)
  if (!entries) {
    return refuse(
      'truncated',
      `文件${name}不完整或已损坏（zip 目录缺失，可能是下载或复制时被截断）。请重新获取完整的文件后再导入；原文件未作改动。`,
    )
  }
  const bomb = (limit = limits.maxUnpackedBytes): Refusal => ({
    ok: false,
    code: 'zip-bomb',
    message: `文件${name}解压后异常巨大（疑似“压缩炸弹”），超过 ${Math.round(limit / 1024 / 1024)} MB 的上限，为保护电脑已拒绝导入。请确认文件来源，或在 Word 中打开后另存为新文件再导入；原文件未作改动。`,
  })
  const broken = (): Refusal =>
    refuse(
      'truncated',
      `文件${name}已损坏（压缩数据无法解开）。请重新获取完整的文件，或在 Word 中打开后另存为新文件再导入；原文件未作改动。`,
    )
  if (entries.length > MAX_ENTRIES) return bomb()
  let declared = 0
  for (const entry of entries) {
    declared += entry.declaredSize
    if (entry.declaredSize > 1024 * 1024 && entry.declaredSize > Math.max(1, entry.compressedSize) * DOCX_MAX_RATIO)
      return bomb()
  }
  if (declared > limits.maxUnpackedBytes) return bomb()
  // Sizes in the directory can lie: every entry is inflated here, counted as it comes, and stopped past the limit;
  // the parsers then read these bytes, never the original archive.
  const files: Record<string, Uint8Array> = {}
  let budget = limits.maxUnpackedBytes
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    const cap = /\.(xml|rels)$/i.test(entry.name) ? Math.min(budget, DOCX_MAX_XML_PART_BYTES) : budget
    const inflated = inflateEntry(bytes, entry, cap)
    if (!inflated.ok) return inflated.reason === 'too-large' ? bomb(cap) : broken()
    budget -= inflated.data.length
    files[entry.name] = inflated.data
  }
  const mainPart = officeDocumentPart(files)
  if (!files[mainPart]) {
    return refuse(
      'not-docx',
      `文件${name}是压缩包，但不是 Word 文档（缺少 ${mainPart}）。请选择 .docx 格式的 Word 文档；原文件未作改动。`,
    )
  }
  return { ok: true, files, mainPart }
}

const officeDocumentType =
  /^(http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument)\/relationships\/officeDocument$/

/** The main document part named by the package relationships (`_rels/.rels`), `word/document.xml` when none is. */
export function officeDocumentPart(files: Record<string, Uint8Array>): string {
  const rels = files['_rels/.rels']
  if (!rels) return 'word/document.xml'
  const xml = new TextDecoder().decode(rels)
  for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attributes = match[1]!
    const type = /\bType="([^"]*)"/.exec(attributes)?.[1]
    const target = /\bTarget="([^"]*)"/.exec(attributes)?.[1]
    if (!type || !target || !officeDocumentType.test(type)) continue
    if (/\bTargetMode="External"/.test(attributes)) continue
    return decodeURIComponent(target.replace(/^\.?\//, ''))
  }
  return 'word/document.xml'
}
