import { NodeType, nodeText } from '../document-model'
import type { DocNode } from '../document-model'
import type { Section } from '../structure/report-structure'

/** One task promised in last year's next-year part. */
export interface PromisedTask {
  /** Heading of the task (its sub-section title or lead sentence, without the final 。). */
  title: string
  /** What was promised, as written last year. */
  promised: string
}

const leadSentenceMax = 32
const itemMarker = /[一二三四五六七八九十]+是/gu

function stripEnd(text: string): string {
  return text
    .trim()
    .replace(/[。；;！!，,：:]+$/u, '')
    .trim()
}

/** Framing paragraphs of a tasks part: `2023年是…之年`, `…工作的总体要求是：…`, lead-ins ending with `：`. */
function isFraming(text: string): boolean {
  return (
    /^(?:\d{4}年|今年|明年|新的一年)/u.test(text) ||
    /总体要求|指导思想|总体思路/u.test(text.slice(0, 60)) ||
    /[：:]$/u.test(text.trim())
  )
}

function firstClause(text: string): string {
  const clause = /^[^，,；;。！!]+/u.exec(text.trim())?.[0] ?? text.trim()
  return clause.length > leadSentenceMax ? `${clause.slice(0, leadSentenceMax)}…` : clause
}

/** `一是……；二是……` items of one paragraph. */
function enumeratedItems(text: string): PromisedTask[] {
  const starts = [...text.matchAll(itemMarker)].map(match => ({ at: match.index ?? 0, length: match[0].length }))
  if (starts.length < 2 || !text.slice(starts[0]!.at).startsWith('一是')) return []
  return starts.map((start, position) => {
    const next = starts[position + 1]
    const promised = text
      .slice(start.at, next ? next.at : undefined)
      .trim()
      .replace(/[；;]$/u, '。')
    return { title: firstClause(stripEnd(text.slice(start.at + start.length, next ? next.at : undefined))), promised }
  })
}

/** `突出……，在……上有新加强；突出……，在……上有新作为；…`: three or more parallel clauses with one opening word. */
function parallelItems(text: string): PromisedTask[] {
  const items = text
    .split(/[；;]/u)
    .map(item => item.trim())
    .filter(Boolean)
  if (items.length < 3) return []
  const prefix = items[0]!.slice(0, 2)
  if (!items.every(item => item.startsWith(prefix))) return []
  return items.map(item => ({ title: firstClause(item), promised: item.replace(/[。]?$/u, '。') }))
}

/** `以更实举措提升履职实效。围绕……` → lead sentence and the whole paragraph; `——理论武装持续加强。` dash items. */
function leadSentenceTask(text: string): PromisedTask | undefined {
  const trimmed = text.trim().replace(/^[—–-]{1,2}/u, '')
  const end = trimmed.search(/[。！!]/u)
  const lead = end === -1 ? trimmed : trimmed.slice(0, end)
  if (!lead || lead.length > leadSentenceMax || (lead.match(/[，,]/gu)?.length ?? 0) > 1) return undefined
  return { title: stripEnd(lead), promised: trimmed }
}

function blocksText(nodes: readonly DocNode[]): string[] {
  return nodes
    .filter(node => node.type !== NodeType.guidance)
    .map(node => {
      const text = nodeText(node).trim()
      return node.type === NodeType.heading && text && !/[。！!？?：:]$/u.test(text) ? `${text}。` : text
    })
    .filter(Boolean)
}

/**
 * The tasks promised in a next-year part: its sub-sections when it has them, otherwise its paragraphs'
 * lead sentences, `一是…二是…` items or parallel clauses; framing paragraphs (`2023年是…`, `总体要求是…`) are skipped
 * and a paragraph that follows a task without a lead of its own continues that task.
 */
export function promisedTasks(doc: readonly DocNode[], part: Section): PromisedTask[] {
  if (part.children.length > 0) {
    return part.children.map(child => ({
      title: stripEnd(child.title),
      promised: (child.runIn ? child.title : '') + blocksText(doc.slice(child.index + 1, child.end)).join(''),
    }))
  }
  const tasks: PromisedTask[] = []
  const loose: string[] = []
  for (const text of blocksText(doc.slice(part.index + 1, part.end))) {
    const items = enumeratedItems(text)
    const parallel = items.length ? [] : parallelItems(text)
    if (items.length || parallel.length) {
      for (const task of [...items, ...parallel]) tasks.push(task)
      continue
    }
    const lead = leadSentenceTask(text)
    if (lead && !isFraming(text)) tasks.push(lead)
    else if (tasks.length && !isFraming(text)) tasks[tasks.length - 1]!.promised += text
    else loose.push(text)
  }
  if (tasks.length === 0)
    return loose.filter(text => !isFraming(text)).map(text => ({ title: firstClause(text), promised: text }))
  return tasks
}

/**
 * Where the promised tasks of a next-year part without sub-sections stand as lead sentences of paragraphs
 * (`以更实举措提升履职实效。围绕……`, body text since import no longer makes them headings): each task's paragraph and the
 * paragraphs that continue it, as sections the compare view can put beside this year's review section.
 */
export function leadSentenceSections(
  doc: readonly DocNode[],
  part: Section,
): Array<{ title: string; index: number; end: number }> {
  if (part.children.length > 0) return []
  const sections: Array<{ title: string; index: number; end: number }> = []
  for (let index = part.index + 1; index < part.end; index++) {
    const node = doc[index]
    if (node?.type !== NodeType.paragraph) continue
    const text = nodeText(node)
    const lead = isFraming(text) ? undefined : leadSentenceTask(text)
    if (lead) sections.push({ title: lead.title, index, end: index + 1 })
    else if (sections.length && !isFraming(text)) sections[sections.length - 1]!.end = index + 1
  }
  return sections
}
