import { describe, expect, it } from 'vitest'
import { nodeText, type DocNode } from '../../../../core/document-model'
import { PASTE_MAX_DEPTH } from '../../../../core/reuse/flatten-deep-html'
import { sanitizePastedHtml } from '../../../../core/reuse/sanitize-pasted-html'

const allText = (nodes: DocNode[]): string => nodes.map(nodeText).join('\n')

describe('a paste nested thousands deep', () => {
  it('pastes its text instead of overflowing the stack', () => {
    const divs = '<div>'.repeat(5000) + '<p>全年召开常委会会议11次。</p>' + '</div>'.repeat(5000)
    expect(allText(sanitizePastedHtml(divs))).toContain('全年召开常委会会议11次。')
    let list = '最深处。'
    for (let level = 4999; level >= 0; level--) list = `<ul><li>第${level}层。${list}</li></ul>`
    const text = allText(sanitizePastedHtml(list))
    expect(text).toContain('第0层。')
    expect(text).toContain(`第${PASTE_MAX_DEPTH}层。`)
    expect(text).toContain('第4999层。最深处。')
  })

  it('keeps the structure of an ordinary nesting', () => {
    const nodes = sanitizePastedHtml('<ul><li>一项<ul><li>子项</li></ul></li></ul>')
    expect(JSON.stringify(nodes)).toMatch(/bulletList.*bulletList/)
  })
})
