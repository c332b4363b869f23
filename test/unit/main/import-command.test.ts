import { createHash } from 'node:crypto'
import { copyFileSync, promises as fs, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { parseReportFile } from '../../../core/report-file'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { docxWithBoldNumbering } from './docx-import-fixtures'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const seedPath = seedSamplePath
const tempDir = tempDirs('wrs-import-cli-')

const run = runWrs

function readReport(file: string) {
  const parsed = parseReportFile(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

describe('wrs import', () => {
  it('writes one .wrs per report of the seed page (out-1.wrs, out-2.wrs) and prints kind, parts and sections', async () => {
    const folder = tempDir()
    const source = path.join(folder, 'erqi.md')
    copyFileSync(seedPath, source)
    const before = createHash('sha256').update(readFileSync(source)).digest('hex')
    const result = await run(['import', 'erqi.md', '-o', 'out.wrs'], folder)
    expect(result.code).toBe(0)
    expect(result.err).toBe('')
    expect(readdirSync(folder).sort()).toEqual(['erqi.md', 'out-1.wrs', 'out-2.wrs'])
    expect(readReport(path.join(folder, 'out-1.wrs')).meta).toMatchObject({ kind: 'npc', planYear: 2023 })
    expect(readReport(path.join(folder, 'out-2.wrs')).meta).toMatchObject({ kind: 'cppcc', planYear: 2023 })
    expect(result.out).toContain('导入了 2 份报告')
    expect(result.out).toContain('类别：人大常委会工作报告')
    expect(result.out).toContain('类别：政协常委会工作报告')
    expect(result.out).toContain('部分：2022年主要工作（工作回顾，4 节）')
    expect(result.out).toContain('部分：2023年工作安排（工作任务，0 节）')
    expect(result.out).toContain(path.join(folder, 'out-1.wrs'))
    expect(createHash('sha256').update(readFileSync(source)).digest('hex')).toBe(before)
  })

  it('never overwrites an existing file without --force, and writes none of the reports then', async () => {
    const folder = tempDir()
    copyFileSync(seedPath, path.join(folder, 'erqi.md'))
    writeFileSync(path.join(folder, 'out-2.wrs'), 'mine')
    const refused = await run(['import', 'erqi.md', '-o', 'out.wrs'], folder)
    expect(refused.code).toBe(2)
    expect(refused.err).toContain('已经存在')
    expect(refused.err).toContain('--force')
    expect(readdirSync(folder).sort()).toEqual(['erqi.md', 'out-2.wrs'])
    expect(readFileSync(path.join(folder, 'out-2.wrs'), 'utf8')).toBe('mine')
    const forced = await run(['import', 'erqi.md', '-o', 'out.wrs', '--force'], folder)
    expect(forced.code).toBe(0)
    expect(readReport(path.join(folder, 'out-2.wrs')).meta.kind).toBe('cppcc')
  })

  it('writes into a folder named with -o, one file for a one-report DOCX', async () => {
    const folder = tempDir()
    writeFileSync(path.join(folder, '政府报告.docx'), await docxWithBoldNumbering())
    const result = await run(['import', '政府报告.docx', '--out', 'imported'], folder)
    expect(result.code).toBe(0)
    expect(readdirSync(path.join(folder, 'imported'))).toEqual(['政府报告.wrs'])
    expect(readReport(path.join(folder, 'imported', '政府报告.wrs')).meta).toMatchObject({
      kind: 'gov',
      planYear: 2025,
    })
    expect(result.out).toContain('部分：2024年工作回顾（工作回顾，2 节）')
  })

  it('refuses bad usage and unsupported files with exit 2 and a zh-CN sentence', async () => {
    const folder = tempDir()
    const missing = await run(['import'], folder)
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('缺少要导入的文件')
    writeFileSync(path.join(folder, 'old.doc'), 'x')
    const doc = await run(['import', 'old.doc', '-o', 'x.wrs'], folder)
    expect(doc.code).toBe(2)
    expect(doc.err).toContain('另存为 .docx')
    const absent = await run(['import', 'nope.txt'], folder)
    expect(absent.code).toBe(2)
    expect(absent.err).toContain('找不到文件')
    expect(readdirSync(folder)).toEqual(['old.doc'])
  })
})

describe('wrs import into a folder it cannot write', () => {
  it('says so in a zh-CN sentence and exits 2 (no stack, no raw EACCES)', async () => {
    const folder = tempDir()
    const source = path.join(folder, 'erqi.md')
    copyFileSync(seedPath, source)
    const open = fs.open
    const spy = vi
      .spyOn(fs, 'open')
      .mockImplementation(((
        file: Parameters<typeof fs.open>[0],
        flags?: Parameters<typeof fs.open>[1],
        mode?: Parameters<typeof fs.open>[2],
      ) =>
        flags === 'wx'
          ? Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }))
          : open(file, flags, mode)) as typeof fs.open)
    try {
      const result = await run(['import', source, '-o', path.join(folder, 'out.wrs')], folder)
      expect(result.code).toBe(2)
      expect(result.err).toContain('没有权限写入')
      expect(result.err).not.toMatch(/EACCES|命令执行失败/)
    } finally {
      spy.mockRestore()
    }
  })
})
