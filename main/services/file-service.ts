import { promises as fs } from 'node:fs'
import type { IpcResult } from '../../core/ipc/ipc-result'
import { fail, ok } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import { parseReportFile, reportFileSchema, serializeReportFile } from '../../core/report-file'
import { writeFileAtomic } from '../files/write-file-atomic'
import { writeErrorMessage } from './write-error-message'

/** Largest .wrs read; nothing larger is written, so every file written can be opened again. */
export const MAX_REPORT_BYTES = 64 * 1024 * 1024

/** The refusal for a report whose file would be larger than a report file may be; undefined when it fits. */
export function reportTextTooLarge(text: string, path: string): string | undefined {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit: only a text near the limit is measured exactly
  if (text.length * 3 <= MAX_REPORT_BYTES || Buffer.byteLength(text) <= MAX_REPORT_BYTES) return undefined
  return `“${path}”将有 ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(0)} MB，超过了报告文件 ${MAX_REPORT_BYTES / 1024 / 1024} MB 的上限（更大的文件无法再打开），未写入。请把内容拆分成几份报告；原文件未作改动。`
}

/** Reads and validates a `.wrs` file. A refusal carries a zh-CN message; nothing is changed. */
export async function readReportFile(path: string): Promise<IpcResult<ReportFile>> {
  let bytes: Buffer
  try {
    const stat = await fs.stat(path)
    if (!stat.isFile()) return fail('not-a-file', `“${path}”不是文件。请选择一个 .wrs 报告文件。`)
    if (stat.size > MAX_REPORT_BYTES)
      return fail('too-large', `“${path}”超过 64 MB，不像是工作报告文件。请确认选择了正确的文件。`)
    bytes = await fs.readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail('not-found', `找不到文件“${path}”。它可能已被移动或删除，请重新选择。`)
    if (code === 'EACCES' || code === 'EPERM') return fail('no-access', `没有权限读取“${path}”。请检查文件权限后重试。`)
    return fail('read-failed', `读取“${path}”失败（${code ?? String(error)}）。请稍后重试。`)
  }
  const text = decodeReportText(bytes)
  if (text === undefined) {
    return fail(
      'wrong-encoding',
      `“${path}”不是 UTF-8 编码的文本（可能被记事本等另存为 ANSI/GBK 编码），为免打开后出现乱码，没有打开。请打开同一文件夹中的 .bak 备份，或在文本编辑器中把它另存为 UTF-8 编码后再打开；文件未作改动。`,
    )
  }
  const parsed = parseReportFile(text)
  return parsed.ok ? ok(parsed.value) : fail(parsed.code, parsed.message)
}

/**
 * The text of a `.wrs`: UTF-8 (the format), or UTF-16 with its BOM (Windows Notepad's “Unicode”). Bytes that are
 * neither, such as a GBK re-save, give undefined instead of text with U+FFFD in place of every Chinese character.
 */
function decodeReportText(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  if (bytes.includes(0)) return '\u0000'
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Validates the whole report, then writes it atomically (previous version kept as `.bak`). */
export async function writeReportFile(
  path: string,
  report: unknown,
  from: 'editor' | 'cli' = 'editor',
): Promise<IpcResult<ReportFile>> {
  const parsed = reportFileSchema.safeParse(report)
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || '根'
    return fail(
      'invalid-report',
      from === 'cli'
        ? `生成的报告不符合文件格式（${where}处），未写入。请检查输入的报告文件是否完整；原文件未作改动。`
        : `报告内容不符合文件格式（${where}处），未保存。请撤销最近的修改后再保存；原文件未作改动。`,
    )
  }
  const text = serializeReportFile(parsed.data)
  const refused = reportTextTooLarge(text, path)
  if (refused) return fail('too-large', refused)
  try {
    await writeFileAtomic(path, text)
  } catch (error) {
    return fail('write-failed', writeErrorMessage(error, path, from))
  }
  return ok(parsed.data)
}
