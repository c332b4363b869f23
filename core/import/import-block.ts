import type { DocNode } from '../document-model'

/**
 * One line of an imported source after reading its format (text, Markdown or mammoth's HTML):
 * the shared input of structure detection. Text keeps its punctuation as is; only indentation is gone.
 */
export interface ImportBlock {
  text: string
  /** Explicit heading level from markup: Markdown `#` count or a Word heading style (h1–h4). */
  markupLevel?: number
  /** The whole block is bold (a bold lead-in heading in a DOCX without heading styles). */
  bold?: boolean
  /** Length of a bold run at the start of the text (bold run-in heading `<strong>（一）…。</strong>正文`, or a bold
   * lead-in that stays in its paragraph). */
  boldPrefix?: number
  /** An item of a numbered list (Word's automatic numbering, which mammoth gives as `<ol><li>` without the number). */
  ordered?: boolean
  /** The number Word printed before this automatically numbered paragraph (`（三）`, `1、`), when the DOCX said. */
  sourceMarker?: string
  /** Heading markup that says the heading runs into the next paragraph (the editor's own `data-run-in`). */
  runIn?: boolean
  /** The text with its marks (bold, needs-review) and line breaks, when the source had more than plain text; its
   * `nodeText` is `text`. Without it the marks come from `bold`/`boldPrefix`. */
  inline?: DocNode[]
  /** A ready node passed through untouched (tables, lists). */
  node?: DocNode
  /** The line follows a manual line break inside the same source paragraph (Word `<w:br/>`, `<br>`): a title
   * paragraph broken over two lines is still one title. */
  brokenLine?: boolean
  /** 1-based position in the source (line number, or block number for HTML), used in notes. */
  line: number
}

const indentation = /^[\s\u3000\u00a0\ufeff]+/
const trailing = /[\s\u3000\u00a0]+$/

/** Strips indentation (spaces, tabs, U+3000, no-break spaces) and trailing blanks; nothing else. */
export function stripIndentation(text: string): string {
  return text.replace(indentation, '').replace(trailing, '')
}
