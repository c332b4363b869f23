import { NodeType, type DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import { hasXmlInvalid, withoutXmlInvalid } from '../xml-char'

function cleanValue(value: unknown): unknown {
  if (typeof value === 'string') return hasXmlInvalid(value) ? withoutXmlInvalid(value) : value
  if (Array.isArray(value)) return value.map(cleanValue)
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = cleanValue(item)
    return copy
  }
  return value
}

const isCell = (node: DocNode): boolean => node.type === NodeType.tableCell || node.type === NodeType.tableHeader

/** Rows without a cell and tables without a row are dropped: Word calls `<w:tbl>` without `<w:tr>` unreadable. */
function withoutEmptyTables(nodes: DocNode[] | undefined): DocNode[] | undefined {
  if (!nodes) return nodes
  const kept: DocNode[] = []
  for (const node of nodes) {
    if (node.type === NodeType.table) {
      const rows = (node.content ?? []).filter(
        row => row.type === NodeType.tableRow && (row.content ?? []).some(isCell),
      )
      if (!rows.length) continue
      kept.push({ ...node, content: rows.map(row => ({ ...row, content: withoutEmptyTables(row.content) })) })
    } else kept.push(node.content ? { ...node, content: withoutEmptyTables(node.content) } : node)
  }
  return kept
}

/**
 * The report as every exported part may hold it: no character XML 1.0 refuses (in the text, the title, the
 * comments: anywhere a string is written) and no table Word cannot read. TXT-XML-CHAR names the characters in the
 * checks; an export made before they are fixed leaves them out rather than write a file no office suite opens.
 */
export function wordSafeReport(report: ReportFile): ReportFile {
  const clean = cleanValue(report) as ReportFile
  return { ...clean, doc: { ...clean.doc, content: withoutEmptyTables(clean.doc.content) } }
}
