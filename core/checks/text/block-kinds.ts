import type { TextBlock } from '../rule'

/** Blocks whose text is checked for punctuation, numbers and hygiene (everything a reader sees). */
export function isCheckedText(block: TextBlock): boolean {
  return block.kind !== 'guidance' && block.text.length > 0
}

/** Body paragraphs (not front matter, headings, tables or list items). */
export function isBodyParagraph(block: TextBlock): boolean {
  return block.kind === 'paragraph' && block.text.length > 0
}

/** Newspaper bylines and captions that are not sentences: `记者 景静`, `（记者 景静）`, `张三 摄`. */
export const bylinePattern =
  /^[（(]?(?:本报)?(?:记者|通讯员|实习生|特约记者)[ \u3000\u00a0]*[\u4e00-\u9fff]{2,4}(?:[ \u3000\u00a0、，]+[\u4e00-\u9fff]{2,4})*[）)]?$|^[\u4e00-\u9fff]{2,4}[ \u3000\u00a0]+摄$/

/** A byline glued to the end of a paragraph (`……做出安排。记者 景静`): returns where it starts, or -1. */
const trailingByline =
  /(?:^|(?<=[。！？”）\n]))[ \u3000\u00a0]*[（(]?(?:本报)?(?:记者|通讯员)[ \u3000\u00a0]*[\u4e00-\u9fff]{2,4}(?:[ \u3000\u00a0、，]+[\u4e00-\u9fff]{2,4})*[）)]?[ \u3000\u00a0]*$/

export function trailingBylineStart(text: string): number {
  const match = trailingByline.exec(text)
  return match ? match.index : -1
}
