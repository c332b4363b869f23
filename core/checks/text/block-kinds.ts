import type { TextBlock } from '../rule'

/** Blocks whose text is checked for punctuation, numbers and hygiene (everything a reader sees). */
export function isCheckedText(block: TextBlock): boolean {
  return block.kind !== 'guidance' && block.text.length > 0
}

/** Body paragraphs (not front matter, headings, tables or list items). */
export function isBodyParagraph(block: TextBlock): boolean {
  return block.kind === 'paragraph' && block.text.length > 0
}
