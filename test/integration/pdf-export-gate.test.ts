import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { serializeReportFile } from '../../core/report-file'
import { runCli } from '../../main/cli/run-cli'
import { exportPdf } from '../../main/services/export-pdf-service'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { pageText, pdfInfo } from './helpers/pdf-tools'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-gate-'))
writeFileSync(path.join(directory, 'no-tasks.wrs'), serializeReportFile(npcReportFixture({ withoutTasks: true })))

afterAll(() => rmSync(directory, { recursive: true, force: true }))

function cli() {
  const out: string[] = []
  const err: string[] = []
  return {
    io: { out: (text: string) => out.push(text), err: (text: string) => err.push(text), cwd: directory },
    out,
    err,
  }
}

// One Chromium for this file: the draft export of the CLI run.
describe('PDF export gate', () => {
  it('refuses a final export with errors: the service renders and writes nothing', async () => {
    const target = path.join(directory, 'service-final.pdf')
    const render = async (): Promise<Uint8Array> => {
      throw new Error('a refused export must not render')
    }
    const outcome = await exportPdf(
      { report: npcReportFixture({ withoutTasks: true }), draftLabel: null, path: target },
      render,
    )
    expect(outcome.kind).toBe('refused')
    if (outcome.kind === 'refused')
      expect(outcome.blocking.map(finding => finding.message).join('')).toContain('2024年主要任务')
    expect(existsSync(target)).toBe(false)
  })

  it('wrs export --pdf refuses the final export (exit 1, no file) and writes the draft with its label on every page', async () => {
    const refused = cli()
    expect(await runCli(['export', 'no-tasks.wrs', '--pdf', 'final.pdf'], refused.io)).toBe(1)
    expect(refused.err.join('')).toContain('没有写入任何文件')
    expect(existsSync(path.join(directory, 'final.pdf'))).toBe(false)

    const draft = cli()
    expect(await runCli(['export', 'no-tasks.wrs', '--pdf', 'draft.pdf', '--draft', '讨论稿'], draft.io)).toBe(0)
    const target = path.join(directory, 'draft.pdf')
    const { pages } = pdfInfo(target)
    expect(draft.out.join('')).toContain(`已导出PDF 文档（讨论稿）：${target}`)
    expect(draft.out.join('')).toContain(`${pages} 页`)
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    for (let page = 1; page <= pages; page++) expect(pageText(target, page)).toContain('讨论稿')
  })

  it('says how to install a browser when no Chromium is found, and writes nothing', async () => {
    const saved = process.env['WRS_CHROMIUM']
    process.env['WRS_CHROMIUM'] = path.join(directory, 'no-such-browser')
    try {
      const run = cli()
      expect(await runCli(['export', 'no-tasks.wrs', '--pdf', 'nobrowser.pdf', '--draft', '征求意见稿'], run.io)).toBe(
        2,
      )
      expect(run.err.join('')).toContain('找不到用于生成 PDF 的 Chromium 浏览器')
      expect(run.err.join('')).toContain('WRS_CHROMIUM')
      expect(existsSync(path.join(directory, 'nobrowser.pdf'))).toBe(false)
    } finally {
      if (saved === undefined) delete process.env['WRS_CHROMIUM']
      else process.env['WRS_CHROMIUM'] = saved
    }
  })
})
