import type { DocNode, HeadingLevel } from '../document-model'
import type { NumberingScheme } from '../numbering'
import { buildBody } from '../import/build-body'
import { textToBlocks } from '../import/text-to-blocks'

/**
 * Plain text pasted (WPS often offers no HTML): read like an imported text file — one paragraph per line, indentation
 * dropped, hard-wrapped lines joined — and headings decided by the import's `buildBody` (literal `一、` `（一）`, `■`
 * themes, part titles, run-in headings), so a paste and an import of the same text agree.
 */
export function pastedTextToNodes(
  text: string,
  scheme: NumberingScheme = 'numbered',
  contextLevel?: HeadingLevel,
): DocNode[] {
  const clean = text.replace(/[\u200b\ufeff]/gu, '')
  return buildBody(textToBlocks(clean, { markdown: false }), { scheme, fragment: true, contextLevel }).nodes
}
