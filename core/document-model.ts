/**
 * The editor document as stored in a `.wrs` file: TipTap/ProseMirror JSON.
 * Declared here (not imported from TipTap) so that `core/` stays free of DOM types.
 */
export interface DocMark {
  type: string
  attrs?: Record<string, unknown>
}

export interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
  marks?: DocMark[]
  text?: string
}

/** Node and mark names shared by the editor, the checks, import and both exports. */
export const NodeType = {
  doc: 'doc',
  paragraph: 'paragraph',
  text: 'text',
  heading: 'heading',
  /** Front matter: the report title (may hold several lines as hardBreaks). */
  reportTitle: 'reportTitle',
  /** Front matter: `——2024年1月16日在××区第十八届人民代表大会第三次会议上`. */
  reportSubtitle: 'reportSubtitle',
  /** Front matter: `××区人大常委会主任 张三`. */
  speakerLine: 'speakerLine',
  /** Front matter: `各位代表：`. */
  salutation: 'salutation',
  /** Template guidance that must be replaced before a final export (atom, attrs.text). */
  guidance: 'guidance',
  hardBreak: 'hardBreak',
  /**
   * A footnote (inline atom, attrs.text: the note's text): printed as its number where it stands and its text at
   * the page foot (DOCX, a Word footnote) or in the notes after the body (PDF). `nodeText` does not include it.
   */
  footnote: 'footnote',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  table: 'table',
  tableRow: 'tableRow',
  tableCell: 'tableCell',
  tableHeader: 'tableHeader',
} as const

export const MarkType = {
  bold: 'bold',
  /** Lowered text (`CO₂`): Word's w:vertAlign="subscript", `<sub>` in HTML. Excludes superscript. */
  subscript: 'subscript',
  /** Raised text (`12万m²`, a footnote-like `注`): w:vertAlign="superscript", `<sup>`. Excludes subscript. */
  superscript: 'superscript',
  /** Reused figure or text not yet confirmed by a person (attrs.source?: string). */
  needsReview: 'needsReview',
  /** Anchor of a review comment thread (attrs.id → report.review.comments); several may overlap. */
  comment: 'comment',
  /** Suggested insertion (修订): attrs { id, author, date, source? }. */
  insertion: 'insertion',
  /** Suggested deletion (修订): the text stays until the suggestion is accepted; attrs as insertion. */
  deletion: 'deletion',
} as const

/**
 * Attr of paragraphs and headings: the block's end (its paragraph mark, as Word calls it) is a suggested
 * insertion (the block was split from the next one) or deletion (the block is to be joined with the next
 * one): `{ kind: 'insertion' | 'deletion', id, author, date, source? }`, absent or null otherwise.
 */
export const PARAGRAPH_MARK_ATTR = 'paragraphMark'

export const frontMatterTypes: readonly string[] = [
  NodeType.reportTitle,
  NodeType.reportSubtitle,
  NodeType.speakerLine,
  NodeType.salutation,
]

/** Part roles (attrs.role of level-1 headings). */
export const partRoles = ['review', 'problems', 'tasks', 'selfBuilding', 'closing', 'targets', 'termReview'] as const
export type PartRole = (typeof partRoles)[number]

export type HeadingLevel = 1 | 2 | 3 | 4

/**
 * Last year's promised task, quoted above a review section made by roll-forward (a heading attr, so typing in
 * the section cannot erase it and no export prints it) until the user marks the section done.
 */
export interface PromiseAttrs {
  /** Year of the report that made the promise. */
  year: number
  /** The promise as written last year (inner double quotes made single). */
  text: string
  /** Marked done: the box folds to one line; the checks no longer ask about it. */
  done: boolean
}

/**
 * Heading attrs: `level` 1–4 (document level: 1 = part), `role` on level 1,
 * `runIn` true when the heading opens its paragraph and the body follows in the same printed
 * paragraph (`（一）坚持党的领导。正文……`): the body is the next sibling paragraph.
 * `sourceNumber` is the number an imported source wrote where it differs from the computed one
 * (`（四）` after `（二）`): evidence for TXT-SEQ-CONT, never printed, cleared by 确认编号.
 * `promise` on a review section made by roll-forward (see PromiseAttrs).
 */
export interface HeadingAttrs {
  level: HeadingLevel
  role?: PartRole | null
  runIn?: boolean
  sourceNumber?: string | null
  promise?: PromiseAttrs | null
}

/** Plain text of a node (hardBreak → "\n", guidance → its prompt text is NOT included). */
export function nodeText(node: DocNode): string {
  if (node.type === NodeType.text) return node.text ?? ''
  if (node.type === NodeType.hardBreak) return '\n'
  if (!node.content) return ''
  let out = ''
  for (const child of node.content) out += nodeText(child)
  return out
}

export function textNode(text: string, marks?: DocMark[]): DocNode {
  return marks && marks.length ? { type: NodeType.text, text, marks } : { type: NodeType.text, text }
}

export function paragraph(text: string): DocNode {
  return text ? { type: NodeType.paragraph, content: [textNode(text)] } : { type: NodeType.paragraph }
}

export function heading(level: HeadingLevel, text: string, extra: Omit<HeadingAttrs, 'level'> = {}): DocNode {
  return {
    type: NodeType.heading,
    attrs: { level, role: extra.role ?? null, runIn: extra.runIn ?? false },
    content: text ? [textNode(text)] : undefined,
  }
}

export function footnote(text: string): DocNode {
  return { type: NodeType.footnote, attrs: { text } }
}

/** The footnotes of a document in reading order (their printed numbers are their positions here, from 1). */
export function footnotesOf(node: DocNode, out: DocNode[] = []): DocNode[] {
  if (node.type === NodeType.footnote) out.push(node)
  for (const child of node.content ?? []) footnotesOf(child, out)
  return out
}

export function guidance(text: string): DocNode {
  return { type: NodeType.guidance, attrs: { text } }
}
