import { NodeType, type DocNode } from '../../document-model'
import { phraseEnd } from '../../layout/head-breaks'
import { escapeHtml } from './escape-html'

/** Escaped head text with <wbr> at phrase ends (the CSS keeps everything else together). */
export function phraseHtml(text: string): string {
  const parts = text.split(phraseEnd)
  return parts.map(escapeHtml).join('<wbr>')
}

/** Inline HTML of a title or subtitle node: phrases, bold kept, hard breaks. */
export function headInlineHtml(nodes: readonly DocNode[] | undefined): string {
  let out = ''
  for (const node of nodes ?? []) {
    if (node.type === NodeType.text)
      out += (node.marks ?? []).some(mark => mark.type === 'bold')
        ? `<b>${phraseHtml(node.text ?? '')}</b>`
        : phraseHtml(node.text ?? '')
    else if (node.type === NodeType.hardBreak) out += '<br>'
  }
  return out
}
