import { NodeType, type DocMark, type DocNode } from '../document-model'

/**
 * A block's inline content as one unit per UTF-16 code unit of text, so review code can mark, insert and
 * delete characters without splitting text nodes by hand. A hardBreak is one unit `\n` (as in nodeText());
 * another inline atom (inline guidance) is a unit with empty text, so offsets stay nodeText() offsets.
 */
export interface InlineUnit {
  text: string
  marks: DocMark[]
  /** The inline node of a non-text unit. */
  node?: DocNode
}

export function explodeInline(content: readonly DocNode[] | undefined): InlineUnit[] {
  const units: InlineUnit[] = []
  for (const node of content ?? []) {
    const marks = node.marks ?? []
    if (node.type === NodeType.text) {
      // One unit per code unit (an astral character is two; equal marks glue them back on implode).
      const text = node.text ?? ''
      for (let index = 0; index < text.length; index++) units.push({ text: text[index]!, marks })
    } else if (node.type === NodeType.hardBreak) {
      units.push({ text: '\n', marks, node })
    } else {
      units.push({ text: '', marks, node })
    }
  }
  return units
}

function markKey(marks: readonly DocMark[]): string {
  if (marks.length === 0) return ''
  return marks
    .map(mark => JSON.stringify([mark.type, mark.attrs ?? null]))
    .sort()
    .join('|')
}

/** Back to inline nodes: neighbouring text units with the same marks become one text node. */
export function implodeInline(units: readonly InlineUnit[]): DocNode[] {
  const out: DocNode[] = []
  let text = ''
  let marks: DocMark[] = []
  let key = ''
  const flush = () => {
    if (!text) return
    out.push(marks.length ? { type: NodeType.text, text, marks } : { type: NodeType.text, text })
    text = ''
  }
  for (const unit of units) {
    if (unit.node) {
      flush()
      out.push(unit.marks.length ? { ...unit.node, marks: unit.marks } : withoutMarks(unit.node))
      continue
    }
    const unitKey = markKey(unit.marks)
    if (text && unitKey !== key) flush()
    if (!text) {
      marks = unit.marks
      key = unitKey
    }
    text += unit.text
  }
  flush()
  return out
}

function withoutMarks(node: DocNode): DocNode {
  if (!node.marks) return node
  const copy = { ...node }
  delete copy.marks
  return copy
}

export function unitsText(units: readonly InlineUnit[]): string {
  let text = ''
  for (const unit of units) text += unit.text
  return text
}

export function findMark(marks: readonly DocMark[], type: string): DocMark | undefined {
  return marks.find(mark => mark.type === type)
}
