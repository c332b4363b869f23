import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseReportFile, serializeReportFile, type ReportFile } from '../../../core/report-file'
import { reportSchema } from '../../../main/collab/report-schema'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { addMember, connect, killAll, share, startServer, waitFor, writeSample } from './collab-harness'

const folders = tempDirs('wrs-collab-cli-')
afterAll(killAll)

function readReport(file: string): ReportFile {
  const parsed = parseReportFile(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

/** Replaces the first paragraph text after the `part`-th level-1 heading (1-based). */
function editPart(report: ReportFile, part: number, prefix: string): ReportFile {
  const content = structuredClone(report.doc.content!)
  const headings = content.flatMap((node, index) => (node.type === 'heading' && node.attrs?.level === 1 ? [index] : []))
  const paragraph = content.slice(headings[part - 1]! + 1).find(node => node.type === 'paragraph')!
  paragraph.content![0]!.text = prefix + paragraph.content![0]!.text
  return { ...report, doc: { ...report.doc, content } }
}

describe('wrs share, assign, parts, submit, approve, reopen, pull and push', () => {
  it('runs the drafting round of a report on the server, from the command line', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const editor = await addMember(dataDir, '李四', '财经工委')
    const server = await startServer({ dataDir })
    const base = ['--server', server.url]
    const wrs = (args: string[]) => runWrs(args, root)

    // Only the owner shares; the id is alone on the last line.
    const file = writeSample(root)
    const refusedShare = await wrs(['share', file, ...base, '--token', editor])
    expect(refusedShare.code).toBe(1)
    expect(refusedShare.err).toContain('只有报告负责人可以共享报告')
    const shared = await wrs(['share', file, ...base, '--token', owner])
    expect(shared.code).toBe(0)
    const report = shared.out.trim().split('\n').at(-1)!
    expect(report).toMatch(/^r-[0-9a-f]{18}$/)
    expect(shared.out).toContain('第三部分“加强自身建设”')
    const as = (token: string) => [...base, '--token', token, '--report', report]

    // Assign with a due date in the past: listed as overdue while it is being drafted.
    expect((await wrs(['assign', ...as(editor), '--part', '1', '--office', '财经工委'])).err).toContain(
      '只有报告负责人可以分配部分',
    )
    expect((await wrs(['assign', ...as(owner), '--part', '9', '--office', '财经工委'])).err).toContain('没有第 9 部分')
    const assigned = await wrs(['assign', ...as(owner), '--part', '1', '--office', '财经工委', '--due', '2024-01-05'])
    expect(assigned.code).toBe(0)
    expect(assigned.out).toContain('第一部分“2023年主要工作”  财经工委  期限 2024-01-05（已逾期）  起草中')
    expect((await wrs(['parts', ...as(editor)])).out).toContain('第二部分“2024年主要任务”  未分配  起草中')

    // The part's office submits (not another), the owner approves (not the office).
    expect((await wrs(['submit', ...as(owner), '--part', '1'])).err).toContain('只有财经工委可以提交')
    expect((await wrs(['approve', ...as(owner), '--part', '1'])).err).toContain('还没有提交，不能审定')
    const submitted = await wrs(['submit', ...as(editor), '--part', '1'])
    expect(submitted.code).toBe(0)
    expect(submitted.out).toContain('财经工委  期限 2024-01-05  已提交')
    expect((await wrs(['approve', ...as(editor), '--part', '1'])).code).toBe(1)
    // Submitted: the office's editors may no longer write it, live or by push.
    const live = await connect({ url: server.wsUrl, token: editor, report })
    live.type(0, 0, '提交后改动')
    await waitFor(() => live.refusals.length > 0, 'the edit of a submitted part to be refused')
    expect(live.refusals[0]).toContain('已提交，等待负责人审定')
    live.destroy()
    expect((await wrs(['reopen', ...as(editor), '--part', '1'])).out).toContain('起草中')
    expect((await wrs(['submit', ...as(editor), '--part', '1'])).code).toBe(0)
    expect((await wrs(['approve', ...as(owner), '--part', '1'])).out).toContain('已审定')
    expect((await wrs(['reopen', ...as(editor), '--part', '1'])).err).toContain('只有报告负责人可以退回')
    expect((await wrs(['reopen', ...as(owner), '--part', '1'])).code).toBe(0)

    // Pull: the same document that was shared (as the editor would save it: attribute defaults filled in), plus its base.
    const pulled = path.join(root, '李四.wrs')
    expect((await wrs(['pull', ...as(editor), '-o', pulled])).code).toBe(0)
    const copy = readReport(pulled)
    expect(copy.doc).toEqual(reportSchema().nodeFromJSON(readReport(file).doc).toJSON())
    expect(copy.collab).toMatchObject({ reportId: report, server: server.url })
    expect((await wrs(['pull', ...as(editor), '-o', pulled])).err).toContain('已经存在')

    // Offline: the editor changes his part and (wrongly) another; meanwhile the owner edits on the server.
    const ownerLive = await connect({ url: server.wsUrl, token: owner, report })
    ownerLive.type(1, 0, '【负责人同时改】')
    await ownerLive.synced()
    writeFileSync(pulled, serializeReportFile(editPart(editPart(copy, 1, '【财经工委】'), 2, '【越权】')))
    const refused = await wrs(['push', pulled, ...as(editor)])
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('第二部分“2024年主要任务”还没有分配给任何处室')
    expect(refused.err).toContain('服务器没有保存这个文件的任何改动')
    expect(readFileSync(pulled, 'utf8')).toContain('【越权】')

    // Only his own part changed: merged with the owner's concurrent edit, the file rewritten with the merge.
    writeFileSync(pulled, serializeReportFile(editPart(copy, 1, '【财经工委】')))
    const pushed = await wrs(['push', pulled, ...as(editor)])
    expect(pushed.code).toBe(0)
    expect(pushed.out).toContain('已合并到共享报告')
    expect(pushed.out).toContain('第一部分“2023年主要工作”')
    const merged = readFileSync(pulled, 'utf8')
    expect(merged).toContain('【财经工委】一年来')
    expect(merged).toContain('【负责人同时改】今年')
    expect(existsSync(`${pulled}.bak`)).toBe(true)
    await waitFor(() => ownerLive.text(0).startsWith('【财经工委】'), 'the push to reach a live editor')
    // The same file pushed again changes nothing (no doubled text).
    expect((await wrs(['push', pulled, ...as(editor)])).out).toContain('没有改动')
    const again = path.join(root, 'again.wrs')
    expect((await wrs(['pull', ...as(owner), '-o', again])).code).toBe(0)
    expect(readFileSync(again, 'utf8').split('【财经工委】').length).toBe(2)
    ownerLive.destroy()

    // Wrong token or server: zh-CN sentences, exit 2.
    const badToken = await wrs(['parts', ...base, '--token', 'wrs_nope', '--report', report])
    expect(badToken.code).toBe(2)
    expect(badToken.err).toContain('令牌无效或已被收回')
    const nowhere = await wrs(['parts', '--server', 'http://127.0.0.1:1', '--token', owner, '--report', report])
    expect(nowhere.code).toBe(2)
    expect(nowhere.err).toContain('连不上协作服务器')
    await server.kill('SIGTERM')
  }, 180_000)

  it('a pulled report is checked and exported like any file; the gate holds on the merged document', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const server = await startServer({ dataDir })
    const complete = writeSample(root, 'complete.wrs', npcReportFixture())
    const missing = writeSample(root, 'missing.wrs', npcReportFixture({ withoutTasks: true }))
    const completeId = await share(server.url, owner, complete)
    const missingId = await share(server.url, owner, missing)
    const pull = async (id: string, name: string) => {
      const target = path.join(root, name)
      const result = await runWrs(
        ['pull', '--server', server.url, '--token', owner, '--report', id, '-o', target],
        root,
      )
      expect(result.code).toBe(0)
      return target
    }
    const good = await pull(completeId, 'good.wrs')
    const bad = await pull(missingId, 'bad.wrs')
    expect((await runWrs(['check', good], root)).code).toBe(0)
    expect((await runWrs(['export', good, '--docx', path.join(root, 'good.docx')], root)).code).toBe(0)
    expect(readFileSync(path.join(root, 'good.docx')).subarray(0, 2).toString()).toBe('PK')
    const checked = await runWrs(['check', bad, '--json'], root)
    expect(checked.code).toBe(1)
    expect(checked.out).toContain('STR-MISSING')
    const refused = await runWrs(['export', bad, '--docx', path.join(root, 'bad.docx')], root)
    expect(refused.code).toBe(1)
    expect(existsSync(path.join(root, 'bad.docx'))).toBe(false)
    await server.kill('SIGTERM')
  }, 120_000)
})
