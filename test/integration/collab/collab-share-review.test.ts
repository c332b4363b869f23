import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { memberCommentKey, partRootName } from '../../../core/collab/report-roots'
import type { CommentAnchor } from '../../../core/collab/shared-comments'
import type { DocNode } from '../../../core/document-model'
import { parseReportFile, type ReportFile } from '../../../core/report-file'
import { addSharedComment, readThreads } from '../../../renderer/collab/shared-comments-ydoc'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import {
  addMember,
  connect,
  killAll,
  memberOf,
  reviewedSample,
  share,
  startServer,
  writeSample,
} from './collab-harness'

const folders = tempDirs('wrs-collab-share-review-')
afterAll(killAll)

/** The text an anchor covers in a shared fragment (what the editor highlights). */
function anchoredText(doc: Y.Doc, anchor: CommentAnchor | null): string {
  if (!anchor) return ''
  const from = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.from), doc)!
  const to = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(anchor.to), doc)!
  expect(from.type).toBe(to.type)
  return (from.type as Y.XmlText)
    .toString()
    .replace(/<[^>]*>/g, '')
    .slice(from.index, to.index)
}

function readReport(file: string): ReportFile {
  const parsed = parseReportFile(readFileSync(file, 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

describe('a .wrs shared with its review keeps it, and wrs pull writes the shared comments back', () => {
  it('threads, replies, resolved state and decisions arrive as shared comments; the pulled file shows them', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const ownerToken = await addMember(dataDir, '张三', '研究室', 'owner')
    const editorToken = await addMember(dataDir, '李四', '财经工委')
    const server = await startServer({ dataDir })

    // A file reviewed in the file editor (reviewedSample): 王五's thread with 李四's reply, 张三's resolved one.
    const file = reviewedSample()
    const report = await share(server.url, ownerToken, writeSample(root, 'reviewed.wrs', file))

    // Live: 李四 sees 王五's thread on the same words, with his reply, and 张三's resolved one on part 2.
    const li = await connect({ url: server.wsUrl, token: editorToken, report })
    const part1 = partRootName(li.partIds()[0]!)
    const part2 = partRootName(li.partIds()[1]!)
    const [wangwu] = readThreads(li.doc, part1)
    expect(wangwu).toMatchObject({ id: 'c-wangwu', author: '王五', text: '请补充具体数字。', resolved: false })
    // 王五 is no member: his thread is keyed by the name alone (nobody's); 李四's reply went to his own map.
    const liMember = await memberOf(server.url, editorToken)
    expect(wangwu!.authorKey).toBe('王五')
    expect(wangwu!.replies).toEqual([
      {
        id: 'r-li',
        author: '李四',
        authorKey: memberCommentKey(liMember),
        date: '2024-11-03T08:00:00.000Z',
        text: '已补充。',
      },
    ])
    expect(anchoredText(li.doc, wangwu!.anchor)).toBe('依法履职')
    const [zhang] = readThreads(li.doc, part2)
    expect(zhang).toMatchObject({ id: 'c-zhang', author: '张三', resolved: true, resolvedBy: '张三' })
    expect(anchoredText(li.doc, zhang!.anchor)).toBe('继续加强监督')

    // 李四 comments live on part 1, then the owner pulls.
    const text = (li.doc.getXmlFragment(part1).get(2) as Y.XmlElement).get(0) as Y.XmlText
    addSharedComment(li.doc, part1, liMember, {
      text: '财经监督要写具体。',
      quote: '财经监督',
      anchor: {
        from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 0)),
        to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 4)),
      },
    })
    await li.synced()
    const pulledFile = path.join(root, 'pulled.wrs')
    const pulled = await runWrs(
      ['pull', '--server', server.url, '--token', ownerToken, '--report', report, '-o', pulledFile],
      root,
    )
    expect(pulled.code, pulled.err).toBe(0)
    expect(pulled.out).toContain('其中有批注 3 条（未解决 2 条）；未解决的批注会挡住正式稿导出')
    const copy = readReport(pulledFile)
    expect(copy.review.comments.map(thread => [thread.id, thread.author, thread.resolved])).toEqual([
      ['c-wangwu', '王五', false],
      [expect.stringMatching(/^c/), '李四', false],
      ['c-zhang', '张三', true],
    ])
    expect(copy.review.comments[0]!.replies.map(reply => reply.text)).toEqual(['已补充。'])
    expect(copy.review.decided).toMatchObject([{ id: 's-1', status: 'accepted', part: '2023年主要工作' }])
    // The comment marks sit on the same words again.
    const marked = new Map<string, string>()
    const walk = (node: DocNode) => {
      for (const mark of node.marks ?? [])
        if (mark.type === 'comment')
          marked.set(String(mark.attrs!.id), (marked.get(String(mark.attrs!.id)) ?? '') + node.text)
      node.content?.forEach(walk)
    }
    walk(copy.doc)
    expect(marked.get('c-wangwu')).toBe('依法履职')
    expect(marked.get('c-zhang')).toBe('继续加强监督')
    expect(marked.get(copy.review.comments[1]!.id)).toBe('财经监督')

    // The export gate of the pulled file sees the two unresolved comments, not the resolved one.
    const checked = await runWrs(['check', pulledFile], root)
    expect(checked.code).toBe(1)
    expect(checked.out + checked.err).toContain('王五的批注“请补充具体数字。”尚未解决')
    expect(checked.out + checked.err).toContain('李四的批注“财经监督要写具体。”尚未解决')
    expect(checked.out + checked.err).not.toContain('这一句已经改好')

    // Pushing the pulled file back unchanged changes nothing (the marks are not text).
    const pushed = await runWrs(
      ['push', pulledFile, '--server', server.url, '--token', ownerToken, '--report', report],
      root,
    )
    expect(pushed.code, pushed.err).toBe(0)
    expect(pushed.out).toContain('没有改动')
    li.destroy()
    await server.kill('SIGTERM')
  }, 120_000)
})
