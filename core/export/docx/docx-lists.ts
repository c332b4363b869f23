import { AlignmentType, LevelFormat, LevelSuffix, Paragraph, type INumberingOptions, type ParagraphChild } from 'docx'
import { NodeType, type DocNode } from '../../document-model'
import { inlineRuns } from './docx-runs'

const bulletReference = 'wrs-bullet'
const orderedReference = 'wrs-ordered'
const levelIndent = 640

/** Word lists for bulletList/orderedList: each level indented two more characters, marker then text. */
export const listNumbering: INumberingOptions = {
  config: [
    {
      reference: bulletReference,
      levels: [0, 1, 2, 3].map(level => ({
        level,
        format: LevelFormat.BULLET,
        text: level % 2 === 0 ? '•' : '◦',
        alignment: AlignmentType.LEFT,
        suffix: LevelSuffix.SPACE,
        style: { paragraph: { indent: { left: level * levelIndent, firstLine: levelIndent } } },
      })),
    },
    {
      reference: orderedReference,
      levels: [0, 1, 2, 3].map(level => ({
        level,
        format: LevelFormat.DECIMAL,
        text: level % 2 === 0 ? `%${level + 1}.` : `（%${level + 1}）`,
        alignment: AlignmentType.LEFT,
        suffix: LevelSuffix.NOTHING,
        style: { paragraph: { indent: { left: level * levelIndent, firstLine: levelIndent } } },
      })),
    },
  ],
}

/** Numbering instance counter: every ordered list starts again at its own start number. */
export interface ListState {
  nextInstance: number
}

export function listParagraphs(list: DocNode, state: ListState, level = 0): Paragraph[] {
  const ordered = list.type === NodeType.orderedList
  const instance = state.nextInstance++
  const paragraphs: Paragraph[] = []
  for (const item of list.content ?? []) {
    if (item.type !== NodeType.listItem) continue
    let first = true
    for (const child of item.content ?? []) {
      if (child.type === NodeType.bulletList || child.type === NodeType.orderedList) {
        for (const paragraph of listParagraphs(child, state, Math.min(level + 1, 3))) paragraphs.push(paragraph)
        continue
      }
      paragraphs.push(
        new Paragraph({
          ...(first
            ? { numbering: { reference: ordered ? orderedReference : bulletReference, level, instance, custom: true } }
            : { indent: { left: (level + 1) * levelIndent, firstLine: 0, firstLineChars: 0 } }),
          children: inlineRuns(child.content) as ParagraphChild[],
        }),
      )
      first = false
    }
  }
  return paragraphs
}
