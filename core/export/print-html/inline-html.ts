import { MarkType, NodeType, type DocNode } from '../../document-model'
import { escapeHtml } from './escape-html'

/**
 * Runs that must never be split across lines: 破折号 `——`, 省略号 `……` and Arabic numbers with
 * their decimal point, thousands separators, time colons and percent sign (GB/T 15834 §5,
 * docs/layout.md “Line breaks”). Closing punctuation at a line start is prevented by CSS
 * `line-break: strict`.
 */
const unbreakable = /——+|…+|[0-9]+(?:[.,:：][0-9]+)*[%‰％]?/g

/** Escaped text with unbreakable runs wrapped in nowrap spans. */
export function protectedText(text: string): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(unbreakable)) {
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
      if (number !== undefined) out += `<sup class="fnref">${number}</sup>`
    } else if (node.type !== NodeType.guidance && node.content) {
      out += inlineHtml(node.content, footnotes)
    }
  }
  return out
}
