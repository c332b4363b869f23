import { MarkType, NodeType, heading, nodeText } from '../document-model'
import type { DocNode, HeadingLevel } from '../document-model'
import { parseLeadingMarker } from '../numbering'
import type { NumberingScheme } from '../numbering'

const headingMax = 40

function textOf(nodes: readonly DocNode[]): string {
  return nodes.map(node => nodeText(node)).join('')
}

/** Drops `count` characters from the start of an inline run (the literal numbering). */
function dropStart(nodes: readonly DocNode[], count: number): DocNode[] {
  let left = count
  const out: DocNode[] = []
  for (const node of nodes) {
    if (left > 0 && node.type === NodeType.text) {
      const text = node.text ?? ''
      if (text.length <= left) {
        left -= text.length
        continue
      }
      out.push({ ...node, text: text.slice(left) })
      left = 0
      continue
    }
    if (left > 0 && node.type === NodeType.hardBreak) {
      left -= 1
      continue
    }
    out.push(node)
  }
  return out
}

/** Splits an inline run at a character offset. */
function splitAt(nodes: readonly DocNode[], offset: number): [DocNode[], DocNode[]] {
  const before: DocNode[] = []
  const after: DocNode[] = []
  let seen = 0
  for (const node of nodes) {
    const length = node.type === NodeType.text ? (node.text ?? '').length : 1
    if (seen + length <= offset) before.push(node)
    else if (seen >= offset) after.push(node)
    else {
      const cut = offset - seen
      before.push({ ...node, text: (node.text ?? '').slice(0, cut) })
      after.push({ ...node, text: (node.text ?? '').slice(cut) })
    }
    seen += length
  }
  return [before, after]
}

function withoutBold(nodes: readonly DocNode[]): DocNode[] {
  return nodes.map(node => {
    const marks = node.marks?.filter(mark => mark.type !== MarkType.bold)
    return marks && marks.length
      ? { ...node, marks }
      : {
          type: node.type,
          ...(node.text !== undefined ? { text: node.text } : {}),
          ...(node.attrs ? { attrs: node.attrs } : {}),
        }
  })
}

function trimTrailing(nodes: DocNode[], pattern: RegExp): DocNode[] {
  const last = nodes[nodes.length - 1]
  if (!last || last.type !== NodeType.text) return nodes
  const text = (last.text ?? '').replace(pattern, '')
  return text ? [...nodes.slice(0, -1), { ...last, text }] : nodes.slice(0, -1)
}

export function levelOfMarker(depth: 1 | 2 | 3 | 4, scheme: NumberingScheme): HeadingLevel {
  return (scheme === 'numbered' ? depth : Math.min(4, depth + 1)) as HeadingLevel
}

/**
 * A pasted paragraph whose text starts with literal numbering (`一、` `（一）` `1.` `（1）`) becomes a heading
 * (numbering is computed, so the literal marker is dropped); `（一）标题。正文……` becomes a run-in heading
 * and its body paragraph. `forcedLevel` comes from h1–h4 or Word heading styles.
 */
export function paragraphOrHeading(
  inline: readonly DocNode[],
  scheme: NumberingScheme,
  forcedLevel?: HeadingLevel,
  forcedRunIn = false,
): DocNode[] {
  const text = textOf(inline)
  if (!text.trim()) return []
  const marker = parseLeadingMarker(text)
  if (forcedLevel !== undefined) {
    const content = withoutBold(trimTrailing(marker ? dropStart(inline, marker.length) : [...inline], /[\s]+$/u))
    return [{ ...heading(forcedLevel, '', { runIn: forcedRunIn }), content: content.length ? content : undefined }]
  }
  if (!marker) return [{ type: NodeType.paragraph, content: [...inline] }]
  const rest = dropStart(inline, marker.length)
  const restText = text.slice(marker.length)
  const level = levelOfMarker(marker.depth, scheme)
  const stop = restText.search(/[。！!？?]/u)
  if (stop !== -1 && stop < headingMax && stop < restText.trim().length - 1) {
    const [title, body] = splitAt(rest, stop + 1)
    return [
      { ...heading(level, '', { runIn: true }), content: withoutBold(title) },
      { type: NodeType.paragraph, content: withoutBold(body) },
    ]
  }
  if (restText.length <= headingMax && (stop === -1 || stop === restText.trim().length - 1)) {
    const content = withoutBold(trimTrailing(rest, /[。\s]+$/u))
    return [{ ...heading(level, ''), content: content.length ? content : undefined }]
  }
  return [{ type: NodeType.paragraph, content: [...inline] }]
}
