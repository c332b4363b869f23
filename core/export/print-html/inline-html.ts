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

/** HTML of a block's inline children: text (bold mark kept), hard breaks; guidance prompts are not printed. */
export function inlineHtml(nodes: readonly DocNode[] | undefined): string {
  let out = ''
  for (const node of nodes ?? []) {
    if (node.type === NodeType.text) {
      const text = protectedText(node.text ?? '')
      out += hasMark(node, MarkType.bold) ? `<b>${text}</b>` : text
    } else if (node.type === NodeType.hardBreak) {
      out += '<br>'
    } else if (node.type !== NodeType.guidance && node.content) {
      out += inlineHtml(node.content)
    }
  }
  return out
}
