import { MarkType, NodeType, type DocNode } from '../../document-model'
import { unbreakableRun } from '../../layout/line-rules'
import { escapeHtml } from './escape-html'

/** Escaped text with unbreakable runs (line-rules.ts) wrapped in nowrap spans; `line-break: strict` does 避头尾. */
export function protectedText(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(unbreakableRun)) {
    const start = match.index ?? 0
    out += escapeHtml(text.slice(last, start))
    const run = match[0]
    // A lone digit needs no span; two or more characters do.
    out += run.length > 1 ? `<span class="nb">${escapeHtml(run)}</span>` : escapeHtml(run)
    last = start + run.length
  }
  return out + escapeHtml(text.slice(last))
}

function hasMark(node: DocNode, type: string): boolean {
  return (node.marks ?? []).some(mark => mark.type === type)
}

/** The printed number of each footnote node (block-html.ts; the notes follow the body). */
export type FootnoteNumbers = ReadonlyMap<DocNode, number>

/**
 * HTML of a block's inline children: text (bold and sub/superscripts kept), hard breaks, a footnote as its number
 * raised; guidance prompts are not printed.
 */
export function inlineHtml(nodes: readonly DocNode[] | undefined, footnotes?: FootnoteNumbers): string {
  let out = ''
  for (const node of nodes ?? []) {
    if (node.type === NodeType.text) {
      let text = protectedText(node.text ?? '')
      if (hasMark(node, MarkType.superscript)) text = `<sup>${text}</sup>`
      else if (hasMark(node, MarkType.subscript)) text = `<sub>${text}</sub>`
      out += hasMark(node, MarkType.bold) ? `<b>${text}</b>` : text
    } else if (node.type === NodeType.hardBreak) {
      out += '<br>'
    } else if (node.type === NodeType.footnote) {
      const number = footnotes?.get(node)
      // U+2060 WORD JOINER: the number stays with the character before it (never alone at a line start).
      if (number !== undefined) out += `\u2060<sup class="fnref" data-note="${number}">${number}</sup>`
    } else if (node.type !== NodeType.guidance && node.content) {
      out += inlineHtml(node.content, footnotes)
    }
  }
  return out
}
