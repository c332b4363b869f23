import {
  AlignmentType,
  LevelFormat,
  LevelSuffix,
  Paragraph,
  type ILevelsOptions,
  type INumberingOptions,
  type NumberingDefinition,
  type ParagraphChild,
} from 'docx'
import { NodeType, type DocNode } from '../../document-model'
import { firstLineIndentTwips } from '../../layout/line-rules'
import { defaultListMarker, listFormatOf, listMarkerPattern, listStart } from '../../list-numbering'
import { inlineRuns, type FootnoteIds } from './docx-runs'

const bulletReference = 'wrs-bullet'
const orderedReference = 'wrs-ordered'
const levelIndent = firstLineIndentTwips

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
  /** Lists that keep their own format, marker or start (an imported list): one definition for each such kind. */
  definitions?: Map<string, NumberingDefinition>
}

/**
 * The numbering an ordered list prints with: the default `wrs-ordered` for a list with the default look, else a
 * definition of its own format (Word's numFmt, core/list-numbering.ts), marker (`（%1）` at every level it can stand
 * at) and start, so Word prints the numbers the editor and the PDF show.
 */
function orderedDefinition(list: DocNode, state: ListState): string | NumberingDefinition {
  const format = listFormatOf(list.attrs?.type)
  const marker = listMarkerPattern(list.attrs?.marker)
  const start = listStart(list.attrs)
  if (format === 'decimal' && marker === undefined && start === 1) return orderedReference
  const key = JSON.stringify([format, marker ?? null, start])
  state.definitions ??= new Map()
  let definition = state.definitions.get(key)
  if (!definition) {
    const levels: ILevelsOptions[] = [0, 1, 2, 3].map(level => ({
      level,
      format: format as ILevelsOptions['format'],
      text: (marker ?? defaultListMarker(level)).replace('%1', `%${level + 1}`),
      start,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.NOTHING,
      style: { paragraph: { indent: { left: level * levelIndent, firstLine: levelIndent } } },
    }))
    definition = { reference: `${orderedReference}-${state.definitions.size + 1}`, levels }
    state.definitions.set(key, definition)
  }
  return definition
}

/** Where a list stands: its paragraphs' style (a list in a table cell takes the cell's) and the footnote ids. */
export interface ListOptions {
  style?: string
  footnotes?: FootnoteIds
}

export function listParagraphs(list: DocNode, state: ListState, level = 0, options: ListOptions = {}): Paragraph[] {
  const ordered = list.type === NodeType.orderedList
  const reference = ordered ? orderedDefinition(list, state) : bulletReference
  const instance = state.nextInstance++
  const paragraphs: Paragraph[] = []
  for (const item of list.content ?? []) {
    if (item.type !== NodeType.listItem) continue
    let first = true
    for (const child of item.content ?? []) {
      if (child.type === NodeType.bulletList || child.type === NodeType.orderedList) {
        for (const paragraph of listParagraphs(child, state, Math.min(level + 1, 3), options))
          paragraphs.push(paragraph)
        continue
      }
      paragraphs.push(
        new Paragraph({
          ...(options.style ? { style: options.style } : {}),
          ...(first
            ? { numbering: { reference, level, instance, custom: true } }
            : { indent: { left: (level + 1) * levelIndent, firstLine: 0, firstLineChars: 0 } }),
          children: inlineRuns(child.content, { footnotes: options.footnotes }) as ParagraphChild[],
        }),
      )
      first = false
    }
  }
  return paragraphs
}
