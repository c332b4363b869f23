import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { Dialogs } from '../../../main/services/dialogs'
import { createReviewService } from '../../../main/services/review-service'
import { createSettingsStore } from '../../../main/services/settings-store'
import { markedReport } from '../../fixtures/review/review-marked'
import { reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'
import { tempDirs } from '../../helpers/temp-dirs'
import { noDialogs } from '../../helpers/no-dialogs'

const tempDir = tempDirs('wrs-review-service-')

function setUp(answers: { save?: string | null; openMany?: string[] | null } = {}) {
  const dir = tempDir()
  const dialogs: Dialogs = {
    ...noDialogs,
    openFiles: async () => answers.openMany ?? null,
    saveFile: async () => answers.save ?? null,
  }
  const settings = createSettingsStore(dir)
  return { dir, service: createReviewService({ dialogs, settings }), settings }
}

describe('the review service', () => {
  it('keeps the reviewer’s name in settings', async () => {
    const { service, settings, dir } = setUp()
    expect(await service.reviewerName()).toBe('')
    expect(await service.setReviewerName('  办公室 张三 ')).toEqual({ ok: true, value: '办公室 张三' })
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).reviewerName).toBe('办公室 张三')
    expect((await settings.load()).reviewerName).toBe('办公室 张三')
    const empty = await service.setReviewerName('  ')
    expect(empty.ok).toBe(false)
  })

  it('writes one 征求意见稿 per recipient beside the first, each with its send id and, if asked, the markup', async () => {
    const { service, dir } = setUp()
    const first = path.join(dir, '报告（征求意见稿）-财经委.docx')
    const result = await service.sendForComments({
      report: markedReport(),
      recipients: ['财经委', '法制委/代表联络室'],
      markup: true,
      version: 'v1',
      path: first,
    })
    if (!result.ok || !result.value) throw new Error('not sent')
    const sends = result.value.sends
    expect(sends.map(send => [send.to, send.file, send.version, send.markup])).toEqual([
      ['财经委', '报告（征求意见稿）-财经委.docx', 'v1', true],
      ['法制委/代表联络室', '××区人大常委会工作报告（征求意见稿）-法制委代表联络室.docx', 'v1', true],
    ])
    for (const send of sends) {
      const files = unzipSync(readFileSync(path.join(dir, send.file)))
      expect(strFromU8(files['docProps/custom.xml']!)).toContain(`<vt:lpwstr>${send.id}</vt:lpwstr>`)
      expect(strFromU8(files['word/document.xml']!)).toContain('<w:ins ')
      expect(strFromU8(files['word/header1.xml'] ?? files['word/header2.xml']!)).toContain('征求意见稿')
    }
  })

  it('reads several returned copies at once and refuses a file that is not a Word document, merging none', async () => {
    const copies = ['copy-tracked.docx', 'copy-comments.docx'].map(name => path.join(reviewFixturesDir, name))
    const { service, dir } = setUp({ openMany: copies })
    const read = await service.readFeedbackCopies(null)
    expect(read.ok && read.value?.map(copy => copy.file)).toEqual(['copy-tracked.docx', 'copy-comments.docx'])
    const bad = await service.readFeedbackCopies([copies[0]!, path.join(dir, 'missing.docx')])
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.message).toContain('没有合并任何反馈稿')
  })

  it('writes the summary table where the save dialog says, and nothing when it is cancelled', async () => {
    const { service, dir } = setUp()
    const target = path.join(dir, '意见汇总表.docx')
    expect(await service.exportReviewTable({ report: markedReport(), path: target })).toEqual({
      ok: true,
      value: { path: target },
    })
    expect(existsSync(target)).toBe(true)
    expect(await setUp().service.exportReviewTable({ report: markedReport(), path: null })).toEqual({
      ok: true,
      value: null,
    })
  })
})
