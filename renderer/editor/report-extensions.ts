import type { AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { TableKit } from '@tiptap/extension-table'
import type { NumberingScheme } from '../../core/numbering'
import { FindReplace } from './extensions/find-replace'
import { Footnote } from './extensions/footnote'
import { Guidance } from './extensions/guidance'
import { ListMarkers } from './extensions/list-markers'
import { NeedsReview } from './extensions/needs-review'
import { NumberCells } from './extensions/number-cells'
import { Numbering } from './extensions/numbering'
import { Pagination } from './extensions/pagination'
import { PrintHeadLines } from './extensions/print-head-lines'
import { PromiseBox, type PromiseBoxTranslate } from './extensions/promise-box'
import { ReportHeading } from './extensions/report-heading'
import { ReportSubtitle } from './extensions/report-subtitle'
import { ReportTitle } from './extensions/report-title'
import { Salutation } from './extensions/salutation'
import { SpeakerLine } from './extensions/speaker-line'
import { Subscript } from './extensions/subscript'
import { Superscript } from './extensions/superscript'

export interface ReportExtensionOptions {
  scheme: NumberingScheme
  /** Translated label of the guidance replace button. */
  replaceLabel: string
  /** UI strings of the promise boxes (default zh-CN). */
  translatePromise?: PromiseBoxTranslate
  /** A shared report's editor: Yjs keeps the history (undo undoes only this user's changes), not TipTap's undoRedo. */
  collaborative?: boolean
  /** Level-1 headings before this editor's document (a shared report's part editors). */
  numberingStart?: number
}

/** Every node and mark of core/document-model.ts, nothing more (no italic, links, code…). */
export function reportExtensions(
  options: ReportExtensionOptions = { scheme: 'numbered', replaceLabel: '替换' },
): AnyExtension[] {
  return [
    StarterKit.configure({
      heading: false,
      blockquote: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      italic: false,
      strike: false,
      underline: false,
      link: false,
      trailingNode: false,
      ...(options.collaborative ? { undoRedo: false as const } : {}),
    }),
    TableKit.configure({ table: { resizable: false } }),
    ReportHeading,
    ReportTitle,
    ReportSubtitle,
    SpeakerLine,
    Salutation,
    Guidance.configure({ replaceLabel: options.replaceLabel }),
    NeedsReview,
    Subscript,
    Superscript,
    Footnote,
    ListMarkers,
    NumberCells,
    options.translatePromise ? PromiseBox.configure({ translate: options.translatePromise }) : PromiseBox,
    Numbering.configure({ scheme: options.scheme, start: options.numberingStart ?? 0 }),
    FindReplace,
    PrintHeadLines,
    Pagination,
  ]
}
