import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabRoot, partRootName } from '../../../../core/collab/report-roots'
import { analyzeUpdate } from '../../../../main/collab/analyze-update'
import { writeReportToYDoc } from '../../../../main/collab/report-ydoc'
import { sampleReport } from '../../../integration/collab/collab-harness'

/** The server's document and a client synced with it. */
function pair(): { server: Y.Doc; client: Y.Doc; parts: string[] } {
  const server = new Y.Doc()
  writeReportToYDoc(server, sampleReport())
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client, parts: server.getArray<string>(CollabRoot.parts).toArray() }
}

/** The update a change on the client produces (what its provider sends). */
function change(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const record = (update: Uint8Array) => updates.push(update)
  doc.on('update', record)
  doc.transact(edit)
  doc.off('update', record)
  return Y.mergeUpdates(updates)
}

const paragraphText = (doc: Y.Doc, root: string, index = 1) =>
  (doc.getXmlFragment(root).get(index) as Y.XmlElement).get(0) as Y.XmlText

describe('what an update touches, found before it is applied', () => {
  it('names the part a client typed into, deleted from, restyled or added a paragraph to', () => {
    const cases: Array<(client: Y.Doc, part: string) => void> = [
      (client, part) => paragraphText(client, part).insert(2, '新增'),
      (client, part) => paragraphText(client, part).delete(0, 3),
      (client, part) => paragraphText(client, part).format(0, 2, { bold: true }),
      (client, part) => (client.getXmlFragment(part).get(0) as Y.XmlElement).setAttribute('runIn', 'true'),
      (client, part) => {
        const element = new Y.XmlElement('paragraph')
        element.insert(0, [new Y.XmlText('新段落')])
        client.getXmlFragment(part).insert(2, [element])
      },
    ]
    for (const edit of cases) {
      const { server, client, parts } = pair()
      const part = partRootName(parts[0]!)
      const analysis = analyzeUpdate(
        server,
        change(client, () => edit(client, part)),
      )
      expect([...analysis.roots]).toEqual([part])
      expect(analysis).toMatchObject({ changes: true, missing: false, foreign: false })
    }
  })

  it('names the skeleton roots: front matter, part order, meta, workflow, several at once', () => {
    const { server, client, parts } = pair()
    expect([
      ...analyzeUpdate(
        server,
        change(client, () => paragraphText(client, CollabRoot.front, 2).insert(0, '甲')),
      ).roots,
    ]).toEqual([CollabRoot.front])
    const reorder = change(client, () => {
      const order = client.getArray<string>(CollabRoot.parts)
      order.delete(0, 1)
      order.push([parts[0]!])
    })
    expect([...analyzeUpdate(server, reorder).roots]).toEqual([CollabRoot.parts])
    expect([
      ...analyzeUpdate(
        server,
        change(client, () => client.getMap(CollabRoot.workflow).set(parts[0]!, {})),
      ).roots,
    ]).toEqual([CollabRoot.workflow])
    const both = change(client, () => {
      paragraphText(client, partRootName(parts[0]!)).insert(0, '乙')
      paragraphText(client, partRootName(parts[1]!)).insert(0, '丙')
    })
    expect([...analyzeUpdate(server, both).roots].sort()).toEqual(
      [partRootName(parts[0]!), partRootName(parts[1]!)].sort(),
    )
  })

  it('a resync of what the server has changes nothing; an update built on unseen changes is missing its base', () => {
    const { server, client, parts } = pair()
    const part = partRootName(parts[0]!)
    const first = change(client, () => paragraphText(client, part).insert(0, '一'))
    const second = change(client, () => paragraphText(client, part).insert(1, '二'))
    expect(analyzeUpdate(server, second)).toMatchObject({ missing: true })
    Y.applyUpdate(server, first)
    expect(analyzeUpdate(server, first)).toMatchObject({ changes: false, missing: false })
    expect([...analyzeUpdate(server, second).roots]).toEqual([part])
    expect(analyzeUpdate(server, Y.encodeStateAsUpdate(client))).toMatchObject({ changes: true, missing: false })
  })

  it('text typed into a paragraph the server has since removed touches nothing (Yjs discards it)', () => {
    const { server, client, parts } = pair()
    const part = partRootName(parts[0]!)
    server.getXmlFragment(part).delete(1, 1)
    const typed = change(client, () => paragraphText(client, part).insert(3, '丢失'))
    const analysis = analyzeUpdate(server, typed)
    expect(analysis.missing).toBe(false)
    expect(JSON.stringify(server.getXmlFragment(part).toJSON())).not.toContain('丢失')
  })

  it('flags sub-documents, which a report never holds', () => {
    const { server, client } = pair()
    const update = change(client, () => client.getMap('meta').set('sub', new Y.Doc()))
    expect(analyzeUpdate(server, update).foreign).toBe(true)
  })

  it('a long chain of new items (ten minutes of offline typing) resolves without recursion limits', () => {
    const { server, client, parts } = pair()
    const part = partRootName(parts[0]!)
    const updates: Uint8Array[] = []
    client.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 2000; i++) paragraphText(client, part).insert(i % 7, String.fromCharCode(0x4e00 + (i % 900)))
    const update = Y.mergeUpdates(updates)
    const analysis = analyzeUpdate(server, update)
    expect([...analysis.roots]).toEqual([part])
    expect(analysis.missing).toBe(false)
  })
})
