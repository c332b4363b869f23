import type { TextEdit } from './finding'

/**
 * A footnote's text (its node's `text` attribute) after text edits whose offsets are in that text, applied right to
 * left: how the checks' fixes reach a footnote (core/checks/collect-blocks.ts gives footnotes as blocks of their own).
 */
export function editNoteText(text: string, edits: readonly TextEdit[]): string {
  let next = text
  for (const edit of [...edits].sort((a, b) => b.from - a.from || b.to - a.to))
    next = next.slice(0, edit.from) + edit.text + next.slice(edit.to)
  return next
}
