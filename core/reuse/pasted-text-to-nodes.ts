import type { DocNode } from '../document-model'
import { textNode } from '../document-model'
import type { NumberingScheme } from '../numbering'
import { paragraphOrHeading } from './pasted-paragraph'

/**
 * Plain text pasted (WPS often offers no HTML): one paragraph per line, indentation (U+3000, spaces) dropped,
 * lines starting with literal numbering (`一、` `（一）`) made headings like in pasted HTML.
 */
export function pastedTextToNodes(text: string, scheme: NumberingScheme = 'numbered'): DocNode[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map(line => line.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/gu, '').replace(/[\u200b\ufeff]/gu, ''))
    .filter(Boolean)
    .flatMap(line => paragraphOrHeading([textNode(line)], scheme))
}
