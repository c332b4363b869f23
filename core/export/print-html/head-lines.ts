import { NodeType, nodeText, type DocNode } from '../../document-model'
import { escapeHtml } from './escape-html'
import { pageGeometry as g } from './page-geometry'

/**
 * Break opportunities for the title and the subtitle, which break only between phrases (回行时词意完整,
 * GB/T 9704 7.3.1): after the date (`日|在`), after 大会 / 委员会 / 会议, and before an ordinal 第.
 */
const phraseEnd = /(?<=日)(?=在)|(?<=大会|委员会|会议|政府|政协)(?=[^上，。、：；！？）)》〉”’>])|(?<=[^\s])(?=第[一二三四五六七八九十〇零百]+[届次])/g

/** Escaped head text with <wbr> at phrase ends (the CSS keeps everything else together). */
export function phraseHtml(text: string): string {
  const parts = text.split(phraseEnd)
  return parts.map(escapeHtml).join('<wbr>')
}

/** Inline HTML of a title or subtitle node: phrases, bold kept, hard breaks. */
export function headInlineHtml(nodes: readonly DocNode[] | undefined): string {
  let out = ''
  for (const node of nodes ?? []) {
    if (node.type === NodeType.text) out += (node.marks ?? []).some(mark => mark.type === 'bold') ? `<b>${phraseHtml(node.text ?? '')}</b>` : phraseHtml(node.text ?? '')
    else if (node.type === NodeType.hardBreak) out += '<br>'
  }
  return out
}

/** Estimated width in ems: ASCII letters and digits print half width (Times New Roman), everything else full width. */
function widthEm(text: string): number {
  let width = 0
  for (const character of text) width += character.charCodeAt(0) < 0x2000 && /[\x20-\x7e]/.test(character) ? 0.5 : 1
  return width
}

/**
 * A subtitle a little wider than the line (up to one and a half characters) is set tight on one
 * line, as typesetters do (紧缩), rather than leaving one or two characters on a second line.
 * Returns the letter-spacing in points, or 0 when the line fits or is too long to squeeze.
 */
export function squeezeToLinePt(node: DocNode, sizePt = g.bodySizePt): number {
  const text = nodeText(node)
  if (text.includes('\n')) return 0
  const lineEm = (g.areaWidthMm * 72) / 25.4 / sizePt
  const overflowEm = widthEm(text) - lineEm
  if (overflowEm <= 0 || overflowEm > 1.5) return 0
  const characters = [...text].length
  return -Math.ceil(((overflowEm * sizePt + 1) / characters) * 100) / 100
}
