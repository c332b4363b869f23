import type { SourceListNumber } from '../../core/import/list-blocks'
import { formatListNumber, listFormatOf } from '../../core/list-numbering'

interface Level {
  format: string
  text: string
  start: number
}

interface Num {
  abstract: string
  /** Levels the `w:num` overrides: a start of its own (`w:startOverride`) or a whole `w:lvl`. */
  starts: Map<number, number>
  levels: Map<number, Level>
}

const decoder = new TextDecoder()
const encoder = new TextEncoder()

function attribute(xml: string, element: string, name = 'w:val'): string | undefined {
  const match = new RegExp(`<${element}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)
  return match?.[1]
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/giu, (whole, entity: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' }
    if (named[entity]) return named[entity]
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

function readLevels(xml: string): Map<number, Level> {
  const levels = new Map<number, Level>()
  for (const match of xml.matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
    const ilvl = Number(/w:ilvl="(\d+)"/.exec(match[1]!)?.[1] ?? 0)
    const body = match[2]!
    levels.set(ilvl, {
      format: attribute(body, 'w:numFmt') ?? 'decimal',
      text: unescapeXml(attribute(body, 'w:lvlText') ?? ''),
      // ECMA-376 §17.9.25: without w:start the level starts at 0
      start: Number(attribute(body, 'w:start') ?? 0),
    })
  }
  return levels
}

/** The numbering part a document's relationships name, `word/numbering.xml` beside it when none does. */
function numberingPart(files: Record<string, Uint8Array>, mainPart: string): string {
  const folder = mainPart.replace(/[^/]*$/, '')
  const rels = files[`${folder}_rels/${mainPart.slice(folder.length)}.rels`]
  if (rels) {
    for (const match of decoder.decode(rels).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const type = /\bType="([^"]*)"/.exec(match[1]!)?.[1]
      const target = /\bTarget="([^"]*)"/.exec(match[1]!)?.[1]
      if (type?.endsWith('/numbering') && target && !target.includes('://'))
        return target.startsWith('/') ? target.slice(1) : folder + target
    }
  }
  return `${folder}numbering.xml`
}

/** Paragraph styles that number their paragraphs (`w:numPr` in the style), by style id. */
function styleNumbering(
  files: Record<string, Uint8Array>,
  mainPart: string,
): Map<string, { num: string; ilvl: number }> {
  const styles = new Map<string, { num: string; ilvl: number }>()
  const part = files[mainPart.replace(/[^/]*$/, 'styles.xml')]
  if (!part) return styles
  for (const match of decoder.decode(part).matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]+)"/.exec(match[1]!)?.[1]
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(match[2]!)?.[1]
    const num = numPr && attribute(numPr, 'w:numId')
    if (id && num) styles.set(id, { num, ilvl: Number(attribute(numPr, 'w:ilvl') ?? 0) })
  }
  return styles
}

/** Bookmark names this reader gives numbered paragraphs; mammoth writes each as `<a id="…">` in the `<li>`. */
export const listNumberPrefix = '_wrsListNumber'

/**
 * The number Word prints before each numbered paragraph of the main part (`w:numPr` on the paragraph or its
 * style; the numbering part's formats, marker texts, starts and overrides; counted through the document per abstract
 * numbering as Word does, a `w:startOverride` restarting its level, deeper levels restarting under a new upper item), for the import to keep instead of renumbering. mammoth gives numbered
 * paragraphs as `<li>` without any of this: each such paragraph gets a bookmark here, which mammoth writes as
 * `<a id>` at the start of its `<li>`, and the numbers are returned by that id. Reads and rewrites the XML with
 * regular expressions in one pass each (linear in the part's size); a package without numbering comes back as it is.
 */
export function withListNumbers(
  files: Record<string, Uint8Array>,
  mainPart: string,
): { files: Record<string, Uint8Array>; numbers: Record<string, SourceListNumber> } {
  const numbers: Record<string, SourceListNumber> = {}
  const main = files[mainPart]
  const numbering = files[numberingPart(files, mainPart)]
  if (!main || !numbering) return { files, numbers }
  const numberingXml = decoder.decode(numbering)
  const abstracts = new Map<string, Map<number, Level>>()
  for (const match of numberingXml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = /w:abstractNumId="(\d+)"/.exec(match[1]!)?.[1]
    if (id !== undefined) abstracts.set(id, readLevels(match[2]!))
  }
  const nums = new Map<string, Num>()
  for (const match of numberingXml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const id = /w:numId="(\d+)"/.exec(match[1]!)?.[1]
    const abstract = attribute(match[2]!, 'w:abstractNumId')
    if (id === undefined || abstract === undefined) continue
    const starts = new Map<number, number>()
    const levels = new Map<number, Level>()
    for (const override of match[2]!.matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(/w:ilvl="(\d+)"/.exec(override[1]!)?.[1] ?? 0)
      const start = attribute(override[2]!, 'w:startOverride')
      if (start !== undefined) starts.set(ilvl, Number(start))
      for (const [level, definition] of readLevels(override[2]!)) levels.set(level, definition)
    }
    nums.set(id, { abstract, starts, levels })
  }
  const styles = styleNumbering(files, mainPart)
  // Word counts per abstract numbering: a w:num carries on the count of the others of its abstract numbering unless it
  // overrides a level's start, which restarts that level where the w:num is first used
  const counters = new Map<string, number[]>()
  const restarted = new Set<string>()
  const levelOf = (num: Num, ilvl: number): Level | undefined =>
    num.levels.get(ilvl) ?? abstracts.get(num.abstract)?.get(ilvl)
  const xml = decoder.decode(main)
  let next = 0
  // a paragraph's open tag and its properties, which come first in it and hold no paragraph of their own
  const rewritten = xml.replace(
    /<w:p\b([^>]*)>(\s*<w:pPr(?:\s[^>]*)?(?<!\/)>([\s\S]*?)<\/w:pPr>)?/g,
    (whole, openAttributes: string, _pPr: string | undefined, properties: string | undefined) => {
      if (openAttributes.endsWith('/')) return whole
      const numPr = properties && /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(properties)?.[1]
      let id = numPr ? attribute(numPr, 'w:numId') : undefined
      let ilvl = numPr ? Number(attribute(numPr, 'w:ilvl') ?? 0) : 0
      if (id === undefined) {
        const style = properties ? attribute(properties, 'w:pStyle') : undefined
        const styled = style ? styles.get(style) : undefined
        if (!styled) return whole
        id = styled.num
        if (!numPr) ilvl = styled.ilvl
      }
      const num = nums.get(id)
      if (id === '0' || !num || ilvl < 0 || ilvl > 8) return whole
      const level = levelOf(num, ilvl)
      if (!level || level.format === 'bullet') return whole
      let counter = counters.get(num.abstract)
      if (!counter) counters.set(num.abstract, (counter = []))
      const override = num.starts.get(ilvl)
      if (override !== undefined && !restarted.has(`${id}/${ilvl}`)) {
        restarted.add(`${id}/${ilvl}`)
        counter[ilvl] = override
      } else counter[ilvl] = counter[ilvl] === undefined ? level.start : counter[ilvl]! + 1
      counter.length = ilvl + 1
      // upper levels' numbers in the marker (`%1.%2`) are written out: the item's own number is %1
      const marker = level.text.replace(/%(\d)/g, (_place, digit: string) => {
        const upper = Number(digit) - 1
        if (upper === ilvl) return '\u0000'
        const value = counter[upper]
        const upperLevel = levelOf(num, upper)
        return upper < ilvl && value !== undefined && upperLevel
          ? formatListNumber(listFormatOf(upperLevel.format), value)
          : ''
      })
      const name = `${listNumberPrefix}${++next}`
      numbers[name] = {
        format: level.format,
        marker: marker.replace('\u0000', '%1').replace(/\u0000/g, ''),
        value: counter[ilvl]!,
        list: num.abstract,
      }
      const bookmark = `<w:bookmarkStart w:id="${900000 + next}" w:name="${name}"/><w:bookmarkEnd w:id="${900000 + next}"/>`
      return `${whole}${bookmark}`
    },
  )
  if (!next) return { files, numbers }
  return { files: { ...files, [mainPart]: encoder.encode(rewritten) }, numbers }
}
