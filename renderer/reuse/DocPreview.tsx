import type { ReactNode } from 'react'
import { MarkType, NodeType } from '../../core/document-model'
import type { DocNode } from '../../core/document-model'
import { computeMarkers } from '../../core/numbering'
import type { NumberingScheme } from '../../core/numbering'
import { headingLevel } from '../../core/report-language/heading-level'

interface DocPreviewProps {
  nodes: readonly DocNode[]
  /** Numbering scheme for the computed markers (they restart at the preview's first heading). */
  scheme: NumberingScheme
  testId?: string
}

function inline(node: DocNode, key: number): ReactNode {
  if (node.type === NodeType.hardBreak) return <br key={key} />
  if (node.type !== NodeType.text) return null
  let content: ReactNode = node.text ?? ''
  for (const mark of node.marks ?? []) {
    if (mark.type === MarkType.bold) content = <strong>{content}</strong>
    if (mark.type === MarkType.needsReview) content = <mark className="needs-review">{content}</mark>
  }
  return <span key={key}>{content}</span>
}

function block(node: DocNode, key: number, marker: string | undefined): ReactNode {
  const children = (): ReactNode[] =>
    (node.content ?? []).map((child, index) =>
      child.type === NodeType.text || child.type === NodeType.hardBreak
        ? inline(child, index)
        : block(child, index, undefined),
    )
  switch (node.type) {
    case NodeType.heading: {
      const level = headingLevel(node)
      return (
        <div key={key} className={`reuse-preview-heading level-${level}`}>
          {marker}
          {children()}
        </div>
      )
    }
    case NodeType.guidance:
      return (
        <p key={key} className="reuse-preview-guidance">
          {String(node.attrs?.text ?? '')}
        </p>
      )
    case NodeType.bulletList:
      return <ul key={key}>{children()}</ul>
    case NodeType.orderedList:
      return <ol key={key}>{children()}</ol>
    case NodeType.listItem:
      return <li key={key}>{children()}</li>
    case NodeType.table:
      return (
        <table key={key}>
          <tbody>{children()}</tbody>
        </table>
      )
    case NodeType.tableRow:
      return <tr key={key}>{children()}</tr>
    case NodeType.tableCell:
    case NodeType.tableHeader:
      return <td key={key}>{children()}</td>
    default:
      return <p key={key}>{children()}</p>
  }
}

/** Read-only rendering of doc nodes (library preview, comparison), markers computed like in the editor. */
export function DocPreview({ nodes, scheme, testId }: DocPreviewProps) {
  const headings = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(scheme, headings.map(headingLevel))
  let headingIndex = 0
  return (
    <div className="reuse-preview" data-testid={testId}>
      {nodes.map((node, index) =>
        block(node, index, node.type === NodeType.heading ? markers[headingIndex++] : undefined),
      )}
    </div>
  )
}
