import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate'

/** Largest DOCX accepted (a 100-page report with pictures is a few MB). */
export const DOCX_MAX_BYTES = 50 * 1024 * 1024
/** Largest total unpacked size of the parts of one DOCX. */
export const DOCX_MAX_UNPACKED_BYTES = 300 * 1024 * 1024
/** Packed-to-unpacked ratio above which a large entry is treated as a zip bomb (text XML compresses ~10–30×). */
export const DOCX_MAX_RATIO = 200
const MAX_ENTRIES = 5000

const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

type Refusal = { ok: false; code: string; message: string }

function refuse(code: string, message: string): Refusal {
  return { ok: false, code, message }
}

/**
 * Checks a DOCX before any parser touches it: size, OLE container (password-protected OOXML or an old .doc), zip
 * structure (central directory present = not truncated), declared and real unpacked sizes (zip bomb).
 */
export interface DocxLimits {
  maxUnpackedBytes: number
}

export function inspectDocxBytes(
  bytes: Uint8Array,
  fileName: string,
  limits: DocxLimits = { maxUnpackedBytes: DOCX_MAX_UNPACKED_BYTES },
): { ok: true } | { ok: false; code: string; message: string } {
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
  const entries: UnzipFileInfo[] = []
  try {
    // The filter sees every entry of the central directory before anything is decompressed.
    unzipSync(bytes, {
      filter: entry => {
        entries.push(entry)
        return false
      },
    })
  } catch {
    return refuse(
      'truncated',
      `文件${name}不完整或已损坏（zip 目录缺失，可能是下载或复制时被截断）。请重新获取完整的文件后再导入；原文件未作改动。`,
    )
  }
  const bomb = (): { ok: false; code: string; message: string } => ({
    ok: false,
    code: 'zip-bomb',
    message: `文件${name}解压后异常巨大（疑似“压缩炸弹”），为保护电脑已拒绝导入。请确认文件来源，或在 Word 中打开后另存为新文件再导入；原文件未作改动。`,
  })
  if (entries.length > MAX_ENTRIES) return bomb()
  let declared = 0
  for (const entry of entries) {
    if (entry.originalSize >= 0xffffffff || entry.size >= 0xffffffff) return bomb()
    declared += entry.originalSize
    if (entry.originalSize > 1024 * 1024 && entry.originalSize > Math.max(1, entry.size) * DOCX_MAX_RATIO) return bomb()
  }
  if (declared > limits.maxUnpackedBytes) return bomb()
  if (!entries.some(entry => entry.name === 'word/document.xml')) {
    return refuse(
      'not-docx',
      `文件${name}是压缩包，但不是 Word 文档（缺少 word/document.xml）。请选择 .docx 格式的 Word 文档；原文件未作改动。`,
    )
  }
  // Sizes in the directory can lie: inflate every entry as a stream, counting bytes, and stop past the limit.
  let unpacked = 0
  let exceeded = false
  let broken = false
  const unzipper = new Unzip(file => {
    if (exceeded || broken) return
    file.ondata = (error, chunk) => {
      if (error) {
        broken = true
        return
      }
      unpacked += chunk.length
      if (unpacked > limits.maxUnpackedBytes) {
        exceeded = true
        file.terminate()
      }
    }
    file.start()
  })
  unzipper.register(UnzipInflate)
  try {
    const step = 1024 * 1024
    for (let offset = 0; offset < bytes.length && !exceeded; offset += step) {
      unzipper.push(bytes.subarray(offset, Math.min(bytes.length, offset + step)), offset + step >= bytes.length)
    }
  } catch {
    broken = true
  }
  if (exceeded) return bomb()
  if (broken)
    return refuse(
      'truncated',
      `文件${name}已损坏（压缩数据无法解开）。请重新获取完整的文件，或在 Word 中打开后另存为新文件再导入；原文件未作改动。`,
    )
  return { ok: true }
}
