import { MarkType, NodeType, type DocNode } from '../../document-model'
import { phraseEnd } from '../../layout/head-breaks'
import { escapeHtml } from './escape-html'
import { inlineHtml, type FootnoteNumbers } from './inline-html'

/** Offsets in `text` where a title or subtitle may break (the editor puts its break opportunities there too). */
export function phraseBreaks(text: string): number[] {
  return [...text.matchAll(phraseEnd)].map(match => match.index ?? 0).filter(offset => offset > 0)
}

/** Escaped head text with <wbr> at phrase ends (the CSS keeps everything else together). */
export function phraseHtml(text: string): string {
  const parts = text.split(phraseEnd)
  return parts.map(escapeHtml).join('<wbr>')
}

/** Inline HTML of a title or subtitle node: phrases, bold and sub/superscripts kept, hard breaks, note numbers. */
export function headInlineHtml(nodes: readonly DocNode[] | undefined, footnotes?: FootnoteNumbers): string {
  let out = ''
  for (const node of nodes ?? []) {
    if (node.type === NodeType.text) {
      const has = (type: string): boolean => (node.marks ?? []).some(mark => mark.type === type)
      let html = phraseHtml(node.text ?? '')
      if (has(MarkType.superscript)) html = `<sup>${html}</sup>`
      else if (has(MarkType.subscript)) html = `<sub>${html}</sub>`
      out += has(MarkType.bold) ? `<b>${html}</b>` : html
    } else if (node.type === NodeType.hardBreak) out += '<br>'
    else if (node.type === NodeType.footnote) out += inlineHtml([node], footnotes)
  }
  return out
}
