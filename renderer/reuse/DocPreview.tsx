import type { ReactNode } from 'react'
import { MarkType, NodeType } from '../../core/document-model'
import type { DocNode } from '../../core/document-model'
import { listItemMarker, type OrderedListAttrs } from '../../core/list-numbering'
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

/** Where a block stands in lists: its list level (0 outside and at the first level) and, for an ordered list's
 * item, the marker its first paragraph opens with. */
interface ListPlace {
  level: number
  marker?: string
}

const outside: ListPlace = { level: 0 }

function block(node: DocNode, key: number, marker: string | undefined, place: ListPlace = outside): ReactNode {
  const children = (): ReactNode[] =>
    (node.content ?? []).map((child, index) =>
      child.type === NodeType.text || child.type === NodeType.hardBreak
        ? inline(child, index)
        : block(child, index, undefined, place),
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
      return <ul key={key}>{(node.content ?? []).map((item, index) => block(item, index, undefined, place))}</ul>
    case NodeType.orderedList:
      // the numbers the editor and both exports print (core/list-numbering.ts): the list's format, start and marker
      return (
        <ol key={key} className="reuse-preview-ordered">
          {(node.content ?? []).map((item, index) =>
            block(item, index, undefined, {
              level: place.level,
              marker: listItemMarker(node.attrs as OrderedListAttrs | undefined, place.level, index),
            }),
          )}
        </ol>
      )
    case NodeType.listItem: {
      const nested: ListPlace = { level: Math.min(place.level + 1, 3) }
      return (
        <li key={key} data-marker={place.marker}>
          {(node.content ?? []).map((child, index) =>
            index === 0 && place.marker !== undefined && child.type === NodeType.paragraph ? (
              <p key={index} className="list-first">
                <span className="list-marker">{place.marker}</span>
                {(child.content ?? []).map(inline)}
              </p>
            ) : (
              block(child, index, undefined, nested)
            ),
          )}
        </li>
      )
    }
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
