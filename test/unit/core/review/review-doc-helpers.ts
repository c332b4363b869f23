import type { DocMark, DocNode } from '../../../../core/document-model'
import { reportFileSchema, type ReportFile } from '../../../../core/report-file'
import type { SuggestionAttrs } from '../../../../core/review/suggestion-attrs'

/** Text-node builders for documents with review marks. */
export const plain = (text: string): DocNode => ({ type: 'text', text })

export function ins(text: string, attrs: Partial<SuggestionAttrs> & { id: string }, extra: DocMark[] = []): DocNode {
  return { type: 'text', text, marks: [...extra, { type: 'insertion', attrs: byline(attrs) }] }
}

export function del(text: string, attrs: Partial<SuggestionAttrs> & { id: string }, extra: DocMark[] = []): DocNode {
  return { type: 'text', text, marks: [...extra, { type: 'deletion', attrs: byline(attrs) }] }
}

export function commented(text: string, id: string): DocNode {
  return { type: 'text', text, marks: [{ type: 'comment', attrs: { id } }] }
}

function byline(attrs: Partial<SuggestionAttrs> & { id: string }): Record<string, unknown> {
  return {
    id: attrs.id,
    author: attrs.author ?? '张三',
    date: attrs.date ?? '2024-01-05T08:00:00Z',
    source: attrs.source ?? null,
  }
}

export function para(content: DocNode[], paragraphMark?: Record<string, unknown>): DocNode {
  return {
    type: 'paragraph',
    ...(paragraphMark ? { attrs: { paragraphMark } } : {}),
    ...(content.length ? { content } : {}),
  }
}

export function mark(kind: 'insertion' | 'deletion', attrs: Partial<SuggestionAttrs> & { id: string }) {
  return { kind, ...byline(attrs) }
}

export function h1(text: string): DocNode {
  return { type: 'heading', attrs: { level: 1, role: null, runIn: false }, content: [plain(text)] }
}

export function reportWith(content: DocNode[], review: Record<string, unknown> = {}): ReportFile {
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 2,
    meta: { templateId: 'npc', kind: 'npc', planYear: 2024 },
    doc: { type: 'doc', content },
    review,
  })
}

/** Plain text of each top-level block. */
export function blockTexts(doc: DocNode): string[] {
  const text = (node: DocNode): string =>
    node.type === 'text'
      ? (node.text ?? '')
      : node.type === 'hardBreak'
        ? '\n'
        : (node.content ?? []).map(text).join('')
  return (doc.content ?? []).map(text)
}
