import { NodeType, type DocNode } from '../../document-model'
import { escapeHtml } from './escape-html'

/**
 * Break opportunities for the title and the subtitle, which break only between phrases (回行时词意完整,
 * GB/T 9704 7.3.1): after the date (`日|在`), after 大会 / 委员会 / 会议, and before an ordinal 第.
 */
const phraseEnd =
  /(?<=日)(?=在)|(?<=大会|委员会|会议|政府|政协)(?=[^上，。、：；！？）)》〉”’>])|(?<=[^\s])(?=第[一二三四五六七八九十〇零百]+[届次])/g

/** Offsets in `text` where a title or subtitle may break (the editor puts its break opportunities there too). */
export function phraseBreaks(text: string): number[] {
  return [...text.matchAll(phraseEnd)].map(match => match.index ?? 0).filter(offset => offset > 0)
}

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
