import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { fail, ok } from '../../core/ipc/ipc-result'
import type { ReviewApi, SendRequest } from '../../core/ipc/review-api'
import type { ReportFile } from '../../core/report-file'
import type { FeedbackCopy } from '../../core/review/feedback/feedback-copy'
import type { RoundSend } from '../../core/review/review-data'
import { buildReviewTableDocx } from '../../core/review/review-table-docx'
import { writeFileAtomic } from '../files/write-file-atomic'
import { readFeedbackFile } from '../review/read-feedback-file'
import type { Dialogs } from './dialogs'
import { exportDocx } from './export-docx-service'
import type { SettingsStore } from './settings-store'
import { writeErrorMessage } from './write-error-message'

const wordFilter = [{ name: 'Word 文档', extensions: ['docx'] }]

/** A file name part without characters Windows refuses. */
function safeName(text: string): string {
  return text.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim()
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  )
}

/** `name.docx`, or `name（2）.docx` … when taken. */
async function freeName(folder: string, stem: string): Promise<string> {
  let candidate = path.join(folder, `${stem}.docx`)
  for (let counter = 2; await exists(candidate); counter++) candidate = path.join(folder, `${stem}（${counter}）.docx`)
  return candidate
}

export function createReviewService(options: { dialogs: Dialogs; settings: SettingsStore }): ReviewApi {
  const { dialogs, settings } = options
  return {
    async reviewerName() {
      return (await settings.load()).reviewerName
    },

    async setReviewerName(name) {
      const trimmed = name.trim()
      if (!trimmed) return fail('empty-name', '请填写姓名或单位名称，批注和修订会以它署名。')
      try {
        await settings.update(current => ({ ...current, reviewerName: trimmed }))
      } catch (error) {
        return fail('write-failed', `无法保存署名（${String(error)}）。本次仍以“${trimmed}”署名，下次启动需重新填写。`)
      }
      return ok(trimmed)
    },

    async readFeedbackCopies(paths) {
      const chosen =
        paths ??
        (dialogs.openFiles
          ? await dialogs.openFiles({ title: '导入反馈意见（可选择多份 Word 文档）', filters: wordFilter })
          : await dialogs.openFile({ title: '导入反馈意见', filters: wordFilter }).then(file => (file ? [file] : null)))
      if (!chosen || chosen.length === 0) return ok(null)
      const copies: FeedbackCopy[] = []
      for (const file of chosen) {
        const read = await readFeedbackFile(file)
        if (!read.ok) return fail(read.code, `${read.message}没有合并任何反馈稿。`)
        copies.push(read.value)
      }
      return ok(copies)
    },

    async sendForComments(request: SendRequest) {
      const report = request.report as ReportFile
      const title = safeName(report.meta.title) || '工作报告'
      const recipients = request.recipients.map(each => safeName(each))
      const stem = (to: string) => `${title}（征求意见稿）${to ? `-${to}` : ''}`
      const first =
        request.path ??
        (await dialogs.saveFile({
          title: '发出征求意见稿',
          defaultPath: `${stem(recipients[0] ?? '')}.docx`,
          filters: wordFilter,
        }))
      if (!first) return ok(null)
      const folder = path.dirname(first)
      const sends: RoundSend[] = []
      for (const [index, to] of recipients.entries()) {
        const target = index === 0 ? first : await freeName(folder, stem(to))
        const send: RoundSend = {
          id: `r${randomUUID().slice(0, 8)}`,
          to: request.recipients[index]!.trim(),
          file: path.basename(target),
          at: new Date().toISOString(),
          version: request.version,
          markup: request.markup,
        }
        try {
          // The export service's DOCX path: label 征求意见稿 on every page, markup if asked, the send id inside.
          await exportDocx({ report, draftLabel: '征求意见稿', path: target, markup: request.markup, sendId: send.id })
        } catch (error) {
          const written = sends.length ? `已写出的 ${sends.length} 份已记录。` : ''
          return fail('write-failed', `${writeErrorMessage(error, target)}${written}`)
        }
        sends.push(send)
      }
      return ok({ sends })
    },

    async exportReviewTable(request) {
      const report = request.report as ReportFile
      const target =
        request.path ??
        (await dialogs.saveFile({
          title: '导出意见汇总表',
          defaultPath: `${safeName(report.meta.title) || '工作报告'}意见汇总表.docx`,
          filters: wordFilter,
        }))
      if (!target) return ok(null)
      try {
        await writeFileAtomic(
          target,
          await buildReviewTableDocx(report, { date: new Date().toISOString().slice(0, 10) }),
          {
            backup: false,
          },
        )
      } catch (error) {
        return fail('write-failed', writeErrorMessage(error, target))
      }
      return ok({ path: target })
    },
  }
}
