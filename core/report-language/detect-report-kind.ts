import type { ReportKind } from '../report-kind'
import { bodyOf } from './meeting'
import { parseNewspaperLead } from './newspaper'
import { readOpening, templatePattern } from './opening'
import { kindFromWords, kindOfOffice } from './report-kind-words'
import { salutationAddressee } from './salutation'

export interface KindEvidence {
  /** Paragraphs before the first heading (opening formula, newspaper lead). */
  preamble?: readonly string[]
  speakerOffice?: string
  title?: string
  /** The subtitle's meeting. */
  meeting?: string
  salutation?: string
}

export interface KindTemplate {
  kind: ReportKind
  frontMatter: { openingPattern: string; titlePattern: string }
}

/**
 * The one kind detector (import and structure analysis): the opening formula first, then a newspaper lead, the
 * speaker's office, the title (the templates' title patterns, then its words), the meeting (政协), the salutation
 * (`各位委员`), and last the words of the preamble. Undefined when nothing tells.
 */
export function detectReportKind(
  evidence: KindEvidence,
  templates: readonly KindTemplate[],
):
  { kind: ReportKind; from: 'opening' | 'lead' | 'speaker' | 'title' | 'meeting' | 'salutation' | 'text' } | undefined {
  const preamble = evidence.preamble ?? []
  for (const text of preamble) {
    const kind = readOpening(text, templates)?.kind
    if (kind) return { kind, from: 'opening' }
  }
  for (const text of preamble) {
    const kind = parseNewspaperLead(text)?.kind
    if (kind) return { kind, from: 'lead' }
  }
  const byOffice = kindOfOffice(evidence.speakerOffice ?? '')
  if (byOffice) return { kind: byOffice, from: 'speaker' }
  const title = (evidence.title ?? '').replace(/[\s\u3000]+/g, '')
  if (title) {
    const kind =
      templates.find(template => templatePattern(template.frontMatter.titlePattern)?.test(title))?.kind ??
      kindFromWords(title)
    if (kind) return { kind, from: 'title' }
  }
  if (evidence.meeting && bodyOf(evidence.meeting) === 'cppcc') return { kind: 'cppcc', from: 'meeting' }
  const addressee = evidence.salutation ? salutationAddressee(evidence.salutation) : undefined
  if (addressee === '委员' || addressee === '常委') return { kind: 'cppcc', from: 'salutation' }
  for (const text of preamble) {
    const kind = text.length <= 300 ? kindFromWords(text) : undefined
    if (kind) return { kind, from: 'text' }
  }
  return undefined
}
