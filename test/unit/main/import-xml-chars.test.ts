import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fixAll } from '../../../core/checks/apply-fixes'
import { runChecks } from '../../../core/checks/run-checks'
import { nodeText } from '../../../core/document-model'
import { importReportFile } from '../../../main/services/import-service'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-xml-chars-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const source = [
  '二七区人民代表大会常务委员会工作报告',
  '',
  '各位代表：',
  '',
  '一、2023年主要工作',
  '',
  '全年召开常委会会议\uffff11次，审议\u0001议题42项。',
  '',
  '二、2024年主要任务',
  '',
  '围绕中心\ufffe服务大局，依法履职。',
].join('\n')

describe('characters XML 1.0 refuses, brought in by a text file', () => {
  it('are counted in the import notices, flagged by TXT-XML-CHAR, and removed by its fix', async () => {
    const file = path.join(folder, 'report.txt')
    writeFileSync(file, source)
    const result = await importReportFile(file)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.notes.join('\n')).toContain('文中有 3 个 Word 文档不能含有的无效字符')
    const report = result.value.reports[0]!
    const findings = runChecks(report).filter(finding => finding.rule === 'TXT-XML-CHAR')
    expect(findings.map(finding => finding.message.match(/U\+[0-9A-F]{4}/)?.[0])).toEqual([
      'U+FFFF',
      'U+0001',
      'U+FFFE',
    ])
    const fixed = fixAll(report, 'TXT-XML-CHAR')
    const text = (fixed.doc.content ?? []).map(nodeText).join('\n')
    expect(text).toContain('全年召开常委会会议11次，审议议题42项。')
    expect(text).toContain('围绕中心服务大局')
    expect(runChecks(fixed).filter(finding => finding.rule === 'TXT-XML-CHAR')).toEqual([])
  })
})
