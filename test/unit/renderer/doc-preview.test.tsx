// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { NodeType, type DocNode } from '../../../core/document-model'
import { DocPreview } from '../../../renderer/reuse/DocPreview'

let root: Root | null = null
let host: HTMLElement

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})

afterEach(() => {
  act(() => root?.unmount())
  root = null
  host?.remove()
})

const para = (text: string): DocNode => ({ type: NodeType.paragraph, content: [{ type: NodeType.text, text }] })
const item = (...content: DocNode[]): DocNode => ({ type: NodeType.listItem, content })
const ordered = (attrs: Record<string, unknown>, ...items: DocNode[]): DocNode => ({
  type: NodeType.orderedList,
  attrs,
  content: items,
})

function render(nodes: DocNode[]): HTMLElement {
  host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
  act(() => root!.render(<DocPreview nodes={nodes} scheme="numbered" testId="preview" />))
  return host
}

describe('the report library preview (DocPreview)', () => {
  it('shows ordered lists with the numbers the editor and the exports print: format, start, marker, level', () => {
    const view = render([
      ordered(
        { start: 1, type: 'chineseCounting', marker: '（%1）' },
        item(para('聚焦经济运行开展监督。'), ordered({ start: 1 }, item(para('走访代表。')), item(para('办理建议。')))),
        item(para('聚焦民生实事开展监督。'), para('续段。')),
      ),
      ordered({ start: 3 }, item(para('召开常委会会议11次。'))),
      { type: NodeType.bulletList, content: [item(para('要点。'))] },
    ])
    const firstLines = [...view.querySelectorAll('li > p.list-first')].map(p => p.textContent)
    expect(firstLines).toEqual([
      '（一）聚焦经济运行开展监督。',
      '（1）走访代表。',
      '（2）办理建议。',
      '（二）聚焦民生实事开展监督。',
      '3.召开常委会会议11次。',
    ])
    // the marker is its own unbreakable run before the text; a further paragraph has none; bullets stay bullets
    expect(view.querySelector('p.list-first .list-marker')!.textContent).toBe('（一）')
    expect([...view.querySelectorAll('ol > li > p:not(.list-first)')].map(p => p.textContent)).toEqual(['续段。'])
    expect(view.querySelector('ul > li > p')!.textContent).toBe('要点。')
  })
})
