import { NodeType, nodeText, type DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import { splitStatusSuffix } from '../report-language/status-suffix'
import { finalView } from '../review/resolve-suggestions'

/** The title node's content without a trailing status suffix (`（征求意见稿）`), marks kept. */
function withoutSuffix(title: DocNode): DocNode {
  const text = nodeText(title)
  const split = splitStatusSuffix(text)
  if (!split.label) return title
  let remove = text.length - split.title.length
  const content = [...(title.content ?? [])]
  while (remove > 0 && content.length) {
    const last = content[content.length - 1]!
    const length = last.type === NodeType.text ? (last.text ?? '').length : last.type === NodeType.hardBreak ? 1 : 0
    if (length <= remove) {
      content.pop()
      remove -= length
    } else {
      content[content.length - 1] = { ...last, text: (last.text ?? '').slice(0, length - remove) }
      remove = 0
    }
  }
  return { ...title, content }
}

/**
 * The document as both exports print it: a status suffix left in the title node (a file saved before the status
 * became metadata) is taken off, because the status is printed only as the draft label in the page header; and
 * review markup is not printed — pending suggestions read as if accepted, comments go — unless `markup` (a
 * 征求意见稿 DOCX that carries them as Word comments and revisions).
 */
export function printedDoc(source: DocNode, options: { markup?: boolean } = {}): DocNode {
  const doc = options.markup ? source : finalView(source)
  const content = doc.content ?? []
  const at = content.findIndex(node => node.type === NodeType.reportTitle)
  if (at < 0) return doc
  const title = withoutSuffix(content[at]!)
  if (title === content[at]) return doc
  return { ...doc, content: [...content.slice(0, at), title, ...content.slice(at + 1)] }
}

/**
 * The title for the file's metadata (DOCX core properties, the PDF's title): the title node's text on one line without
 * a status suffix, else the meta title; with the draft label of a draft export once, as `标题（征求意见稿）`.
 */
export function printedTitle(report: ReportFile, draftLabel: string | null, fallback = ''): string {
  const node = (report.doc.content ?? []).find(candidate => candidate.type === NodeType.reportTitle)
  const fromNode = node ? splitStatusSuffix(nodeText(node)).title.replace(/\n/g, '') : ''
  const title = fromNode || splitStatusSuffix(report.meta.title).title || fallback
  return draftLabel ? `${title}（${draftLabel}）` : title
}
