import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from 'docx'
import type { DraftLabel } from '../../ipc/export-api'
import { pageNumberIndent } from './docx-geometry'
import { styleIds } from './docx-styles'

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: styleIds.footer,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          side === 'odd'
            ? { right: pageNumberIndent, firstLine: 0, firstLineChars: 0 }
            : { left: pageNumberIndent, firstLine: 0, firstLineChars: 0 },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  })
}

/** `— N —` in 宋体 4号: odd pages right, even pages left, one character in from the type-area edge (docs/layout.md §A.4). */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter('odd'), even: pageNumberFooter('even') }
}

/** The draft label (征求意见稿/讨论稿) in the header of every page, odd and even. */
export function draftHeaders(label: DraftLabel | null): { default: Header; even: Header } | undefined {
  if (!label) return undefined
  const header = (): Header =>
    new Header({ children: [new Paragraph({ style: styleIds.header, children: [new TextRun(label)] })] })
  return { default: header(), even: header() }
}
