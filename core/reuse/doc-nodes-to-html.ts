import { MarkType, NodeType } from '../document-model'
import type { DocNode } from '../document-model'
import { headingLevel } from '../report-language/heading-level'
import { listFormatOf, listMarkerPattern, listStart } from '../list-numbering'

function escapeHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;')
}

function inlineHtml(node: DocNode): string {
  if (node.type === NodeType.hardBreak) return '<br>'
  if (node.type === NodeType.footnote)
    return `<sup data-footnote="" data-text="${escapeHtml(String(node.attrs?.text ?? ''))}"></sup>`
  if (node.type !== NodeType.text) return ''
  let html = escapeHtml(node.text ?? '')
  for (const mark of node.marks ?? []) {
    if (mark.type === MarkType.bold) html = `<strong>${html}</strong>`
    else if (mark.type === MarkType.subscript) html = `<sub>${html}</sub>`
    else if (mark.type === MarkType.superscript) html = `<sup>${html}</sup>`
    else if (mark.type === MarkType.needsReview) {
      const source = typeof mark.attrs?.source === 'string' ? ` data-source="${escapeHtml(mark.attrs.source)}"` : ''
      html = `<mark data-needs-review=""${source}>${html}</mark>`
    }
  }
  return html
}

function span(value: unknown): number {
  const number = Number(value)
  return Number.isInteger(number) && number > 1 && number <= 50 ? number : 1
}

function blockHtml(node: DocNode): string {
  const inner = (): string =>
    (node.content ?? [])
      .map(child =>
        child.type === NodeType.text || child.type === NodeType.hardBreak || child.type === NodeType.footnote
          ? inlineHtml(child)
          : blockHtml(child),
      )
      .join('')
  switch (node.type) {
    case NodeType.heading: {
      const level = headingLevel(node)
      const role = typeof node.attrs?.role === 'string' ? ` data-role="${escapeHtml(node.attrs.role)}"` : ''
      const number =
        typeof node.attrs?.sourceNumber === 'string'
          ? ` data-source-number="${escapeHtml(node.attrs.sourceNumber)}"`
          : ''
      return `<h${level}${node.attrs?.runIn ? ' data-run-in=""' : ''}${role}${number}>${inner()}</h${level}>`
    }
    case NodeType.paragraph:
      return `<p>${inner()}</p>`
    case NodeType.bulletList:
      return `<ul>${inner()}</ul>`
    case NodeType.orderedList: {
      // the list's own numbers (core/list-numbering.ts): start, format, marker
      const start = listStart(node.attrs)
      const type = listFormatOf(node.attrs?.type)
      const marker = listMarkerPattern(node.attrs?.marker)
      const attributes =
        (start !== 1 ? ` start="${start}"` : '') +
        (type !== 'decimal' ? ` type="${type}"` : '') +
        (marker !== undefined ? ` data-marker="${escapeHtml(marker)}"` : '')
      return `<ol${attributes}>${inner()}</ol>`
    }
    case NodeType.listItem:
      return `<li>${inner()}</li>`
    case NodeType.table:
      return `<table><tbody>${inner()}</tbody></table>`
    case NodeType.tableRow:
      return `<tr>${inner()}</tr>`
    case NodeType.tableCell:
    case NodeType.tableHeader: {
      const tag = node.type === NodeType.tableHeader ? 'th' : 'td'
      const colspan = span(node.attrs?.colspan)
      const rowspan = span(node.attrs?.rowspan)
      return `<${tag}${colspan > 1 ? ` colspan="${colspan}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>${inner()}</${tag}>`
    }
    case NodeType.guidance:
      return `<div data-type="guidance" data-text="${escapeHtml(String(node.attrs?.text ?? ''))}"></div>`
    default:
      return inner()
  }
}

/**
 * Editor nodes as the plain HTML the editor's parse rules read back (h1–h4, p, strong, lists, tables), used to
 * hand sanitised pasted content to the editor. Text is escaped; no attribute of the pasted source appears.
 */
export function docNodesToHtml(nodes: readonly DocNode[]): string {
  return nodes.map(blockHtml).join('')
}
