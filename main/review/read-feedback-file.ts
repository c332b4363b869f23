import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { strFromU8 } from 'fflate'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import type { FeedbackCopy, FeedbackParts } from '../../core/review/feedback/feedback-copy'
import { readFeedbackCopy } from '../../core/review/feedback/read-feedback-copy'
import { DOCX_MAX_BYTES } from '../import/inspect-docx'
import { openDocxPackage, relatedPart } from '../import/open-docx-package'

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'

/**
 * A returned copy's parts from its bytes, opened as the import opens a DOCX (checks: size, encryption, truncation,
 * zip bombs; a Strict package read with Transitional names) and found through the package relationships.
 */
export function readFeedbackBytes(bytes: Uint8Array, fileName: string): IpcResult<FeedbackCopy> {
  const opened = openDocxPackage(bytes, fileName)
  if (!opened.ok) return fail(opened.code, opened.message.replace(/导入/g, '合并'))
  const { files, mainPart } = opened
  const folder = mainPart.replace(/[^/]*$/, '')
  const found: Record<keyof FeedbackParts, string | undefined> = {
    document: mainPart,
    comments: relatedPart(files, mainPart, `${REL}comments`, `${folder}comments.xml`),
    commentsExtended: relatedPart(
      files,
      mainPart,
      'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
      `${folder}commentsExtended.xml`,
    ),
    core: relatedPart(
      files,
      '',
      'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
      'docProps/core.xml',
    ),
    custom: relatedPart(files, '', `${REL}custom-properties`, 'docProps/custom.xml'),
  }
  const read: Partial<FeedbackParts> = {}
  for (const [part, name] of Object.entries(found) as Array<[keyof FeedbackParts, string | undefined]>) {
    const data = name === undefined ? undefined : files[name]
    if (data) read[part] = strFromU8(data)
  }
  if (!read.document)
    return fail('not-docx', `“${fileName}”不是 Word 文档（缺少正文部分）。请选择 .docx 格式的反馈稿。`)
  try {
    const copy = readFeedbackCopy(fileName, read as FeedbackParts)
    return ok({ ...copy, digest: createHash('sha256').update(bytes).digest('hex') })
  } catch {
    return fail(
      'unreadable-docx',
      `反馈稿“${fileName}”的内容无法解析（Word 文档结构已损坏）。请在 Word 或 WPS 中打开它并另存为新的 .docx 后再合并；报告未作改动。`,
    )
  }
}

/** Reads a returned 征求意见稿 copy (never writes to it); a file it refuses gets a zh-CN sentence. */
export async function readFeedbackFile(filePath: string): Promise<IpcResult<FeedbackCopy>> {
  const fileName = path.basename(filePath)
  if (path.extname(filePath).toLowerCase() !== '.docx')
    return fail('not-docx', `“${fileName}”不是 .docx 文件。反馈稿请用 Word 或 WPS 另存为 .docx 格式后再合并。`)
  try {
    const stat = await fs.stat(filePath)
    if (!stat.isFile()) return fail('not-file', `“${filePath}”不是文件。请选择 .docx 格式的反馈稿。`)
    if (stat.size > DOCX_MAX_BYTES)
      return fail(
        'too-large',
        `反馈稿“${fileName}”超过 ${DOCX_MAX_BYTES / 1024 / 1024} MB，不像是报告的征求意见稿。请确认选择了正确的文件。`,
      )
  } catch {
    return fail('not-found', `找不到反馈稿“${filePath}”。请检查路径是否正确。`)
  }
  let bytes: Uint8Array
  try {
    bytes = await fs.readFile(filePath)
  } catch {
    return fail('unreadable', `无法读取反馈稿“${fileName}”（没有权限或正被其他程序占用）。请关闭占用它的程序后重试。`)
  }
  return readFeedbackBytes(bytes, fileName)
}
