/**
 * The editor's document schema as plain data: every node and mark of core/document-model.ts with the fields that
 * decide what a document may hold (content expressions, groups, allowed marks, attributes and their defaults).
 *
 * One place for both sides: the renderer's TipTap extensions take their schema fields from here, and the
 * collaboration server (main/collab/report-schema.ts) builds its ProseMirror schema from it to convert `.wrs`
 * documents to and from Yjs exactly as the editor would. The nodes StarterKit and TableKit define are mirrored
 * here; test/unit/main/collab/report-schema.test.ts fails when the editor's schema and this one part.
 */

export interface AttributeSpecData {
  default: unknown
}

export interface NodeSpecData {
  content?: string
  group?: string
  marks?: string
  inline?: boolean
  atom?: boolean
  defining?: boolean
  isolating?: boolean
  selectable?: boolean
  draggable?: boolean
  tableRole?: string
  /** A hard break stands for a newline when text is converted between inline and block forms. */
  linebreakReplacement?: boolean
  attrs?: Record<string, AttributeSpecData>
}

export interface MarkSpecData {
  inclusive?: boolean
  excludes?: string
  attrs?: Record<string, AttributeSpecData>
}

/** Marks text in headings and front matter may carry (paragraphs and cells allow every mark). */
const inlineMarks = 'bold needsReview subscript superscript'

/** Front matter lines share one shape (core/document-model.ts frontMatterTypes). */
const frontMatterLine: NodeSpecData = { content: 'inline*', marks: inlineMarks, group: 'block', defining: true }

const tableCell: NodeSpecData = {
  tableRole: 'cell',
  content: 'block+',
  isolating: true,
  attrs: { colspan: { default: 1 }, rowspan: { default: 1 }, colwidth: { default: null }, align: { default: null } },
}

/** In the order the editor's schema lists them (the first `block` node is the default block). */
export const reportNodeSpecs = {
  paragraph: { content: 'inline*', group: 'block' },
  bulletList: { content: 'listItem+', group: 'block list' },
  doc: { content: 'block+' },
  hardBreak: { group: 'inline', inline: true, selectable: false, linebreakReplacement: true },
  listItem: { content: 'paragraph block*', defining: true },
  // type: the number format (Word's numFmt names or HTML's 1/a/A/i/I), marker: the text around the number with %1
  // (`（%1）`); both as the source had them, null = the level's default (core/list-numbering.ts)
  orderedList: {
    content: 'listItem+',
    group: 'block list',
    attrs: { start: { default: 1 }, type: { default: null }, marker: { default: null } },
  },
  text: { group: 'inline' },
  table: { tableRole: 'table', content: 'tableRow+', group: 'block', isolating: true },
  tableCell,
  tableHeader: { ...tableCell, tableRole: 'header_cell' },
  tableRow: { tableRole: 'row', content: '(tableCell | tableHeader)*' },
  heading: {
    content: 'inline*',
    marks: inlineMarks,
    group: 'block',
    defining: true,
    // sourceNumber: the number an imported source gave the heading where it differs from the computed one;
    // promise: last year's promise shown above a review section (core PromiseAttrs)
    attrs: {
      level: { default: 1 },
      role: { default: null },
      runIn: { default: false },
      sourceNumber: { default: null },
      promise: { default: null },
    },
  },
  reportTitle: frontMatterLine,
  reportSubtitle: frontMatterLine,
  speakerLine: frontMatterLine,
  salutation: frontMatterLine,
  guidance: { group: 'block', atom: true, selectable: true, draggable: false, attrs: { text: { default: '' } } },
  footnote: { group: 'inline', inline: true, atom: true, selectable: true, attrs: { text: { default: '' } } },
} satisfies Record<string, NodeSpecData>

export const reportMarkSpecs = {
  bold: {},
  needsReview: { inclusive: false, excludes: '', attrs: { source: { default: null } } },
  subscript: { excludes: 'superscript' },
  superscript: { excludes: 'subscript' },
} satisfies Record<string, MarkSpecData>

const suggestionAttrs = {
  id: { default: null },
  author: { default: null },
  date: { default: null },
  source: { default: null },
}

/**
 * Suggestions (修订, renderer/editor/extensions/suggestion.ts): their marks, and the paragraph attribute that marks a
 * suggested paragraph split or join. Shared reports carry them (a suggestion is text of its part, written only by
 * the part's writers), so the collaboration server's schema has them beside the report's own.
 */
export const suggestionMarkSpecs = {
  insertion: { inclusive: false, excludes: 'insertion', attrs: suggestionAttrs },
  deletion: { inclusive: false, excludes: '', attrs: suggestionAttrs },
} satisfies Record<string, MarkSpecData>
export const suggestionNodeAttrs = { types: ['paragraph', 'heading'], attrs: { paragraphMark: { default: null } } }

export type ReportNodeName = keyof typeof reportNodeSpecs
export type ReportMarkName = keyof typeof reportMarkSpecs

/** Attribute defaults of a node or mark, for a TipTap `addAttributes()` that adds its own HTML parsing. */
export function attributeDefault(spec: NodeSpecData | MarkSpecData, name: string): unknown {
  const attribute = spec.attrs?.[name]
  if (!attribute) throw new Error(`schema spec has no attribute ${name}`)
  return attribute.default
}
