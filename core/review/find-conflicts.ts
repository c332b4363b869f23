import { collectBlocks } from '../checks/collect-blocks'
import type { DocNode } from '../document-model'
import { explodeInline, type InlineUnit } from './inline-units'
import { insertionOfUnit, suggestionsOfUnit } from './suggestion-attrs'

export interface ConflictVersion {
  /** Returned copy's file name ('' = made in the editor). */
  source: string
  author: string
  /** The sentence as this source would have it. */
  text: string
  /** Its suggestions in the sentence. */
  ids: string[]
}

/** One sentence that two or more sources change: shown side by side. */
export interface ReviewConflict {
  path: number[]
  /** Offset of the sentence in the block's nodeText() (for jumping to it). */
  from: number
  to: number
  /** The sentence before any of the changes. */
  original: string
  versions: ConflictVersion[]
}

const SENTENCE_END = /[。！？；!?;]/

interface Sentence {
  start: number
  end: number
}

/** Sentences of a block's units: a sentence ends after an original (not inserted) end mark. */
function sentences(units: InlineUnit[]): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  units.forEach((unit, index) => {
    if (insertionOfUnit(unit)) return
    if (SENTENCE_END.test(unit.text)) {
      out.push({ start, end: index + 1 })
      start = index + 1
    }
  })
  if (start < units.length) out.push({ start, end: units.length })
  return out
}

/** Sentences changed by suggestions of two or more returned copies (or a copy and the editor), in document order. */
export function findConflicts(doc: DocNode): ReviewConflict[] {
  const conflicts: ReviewConflict[] = []
  for (const block of collectBlocks(doc, 'numbered')) {
    if (block.kind === 'guidance' || !block.node.content) continue
    const units = explodeInline(block.node.content)
    if (!units.some(unit => suggestionsOfUnit(unit).length > 0)) continue
    const offsets: number[] = []
    let offset = 0
    for (const unit of units) {
      offsets.push(offset)
      offset += unit.text.length
    }
    offsets.push(offset)
    for (const sentence of sentences(units)) {
      const slice = units.slice(sentence.start, sentence.end)
      const bySource = new Map<string, ConflictVersion>()
      for (const unit of slice) {
        for (const ref of suggestionsOfUnit(unit)) {
          const source = ref.source ?? ''
          const version = bySource.get(source) ?? { source, author: ref.author, text: '', ids: [] }
          if (!version.ids.includes(ref.id)) version.ids.push(ref.id)
          bySource.set(source, version)
        }
      }
      if (bySource.size < 2) continue
      const textFor = (source: string | null) =>
        slice
          .filter(unit =>
            suggestionsOfUnit(unit).every(ref => {
              const mine = source !== null && (ref.source ?? '') === source
              return ref.kind === 'insertion' ? mine : !mine
            }),
          )
          .map(unit => unit.text)
          .join('')
      for (const version of bySource.values()) version.text = textFor(version.source)
      conflicts.push({
        path: block.path,
        from: offsets[sentence.start]!,
        to: offsets[sentence.end]!,
        original: textFor(null),
        versions: [...bySource.values()],
      })
    }
  }
  return conflicts
}
