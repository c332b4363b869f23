import type { SourceListNumber } from '../../core/import/list-blocks'
import { formatListNumber, listFormatOf } from '../../core/list-numbering'
import { relatedPart } from './open-docx-package'

interface Level {
  format: string
  text: string
  start: number
  /**
   * `w:lvlRestart` (ECMA-376 §17.9.10): the level restarts after an item of a level above the given one-based level;
   * 0 never; absent, after any level above it.
   */
  restart?: number
  /** `w:isLgl` (§17.9.4): the marker shows every level's number, this one's too, in Arabic digits (legal numbering). */
  legal: boolean
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

/** An on/off property (`<w:isLgl/>`, `w:val="true|1|on"`; `false|0|off` is off), false when absent. */
function onOff(xml: string, element: string): boolean {
  const match = new RegExp(`<${element}\\b([^>]*)/?>`).exec(xml)
  if (!match) return false
  const value = /\bw:val="([^"]*)"/.exec(match[1]!)?.[1]
  return value === undefined || !/^(false|0|off)$/i.test(value)
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
      restart: attribute(body, 'w:lvlRestart') === undefined ? undefined : Number(attribute(body, 'w:lvlRestart')),
      legal: onOff(body, 'w:isLgl'),
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
  const name = relatedPart(
    files,
    mainPart,
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
    mainPart.replace(/[^/]*$/, 'styles.xml'),
  )
  const part = name === undefined ? undefined : files[name]
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
 * numbering as Word does, a `w:startOverride` restarting its level, deeper levels restarting under a new upper item
 * unless `w:lvlRestart` says otherwise; a list linked to a numbering style (`w:numStyleLink`) numbered with that
 * style's levels; a `w:isLgl` level in Arabic digits), for the import to keep instead of renumbering. mammoth gives
 * numbered paragraphs as `<li>` without any of this: each such paragraph gets a bookmark here, which mammoth writes as
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
  // a list linked to a numbering style (`w:numStyleLink`) has no levels of its own: they are those of the abstract
  // numbering that defines the style (`w:styleLink`), found through the style's w:numId or that w:styleLink
  const styleLinks = new Map<string, string>()
  const definesStyle = new Map<string, string>()
  for (const match of numberingXml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = /w:abstractNumId="(\d+)"/.exec(match[1]!)?.[1]
    if (id === undefined) continue
    abstracts.set(id, readLevels(match[2]!))
    const link = attribute(match[2]!, 'w:numStyleLink')
    if (link !== undefined) styleLinks.set(id, link)
    const defines = attribute(match[2]!, 'w:styleLink')
    if (defines !== undefined) definesStyle.set(defines, id)
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
  /** The abstract numbering whose levels a list uses: its own, or the one its numbering style links to. */
  const resolveAbstract = (id: string): string => {
    let current = id
    for (let hops = 0; hops < 4; hops++) {
      const link = styleLinks.get(current)
      if (link === undefined) break
      const styled = styles.get(link)
      const linked = (styled && nums.get(styled.num)?.abstract) ?? definesStyle.get(link)
      if (linked === undefined || linked === current) break
      current = linked
    }
    return current
  }
  for (const num of nums.values()) num.abstract = resolveAbstract(num.abstract)
  // Word counts per abstract numbering: a w:num carries on the count of the others of its abstract numbering unless it
  // overrides a level's start, which restarts that level where the w:num is first used
  const counters = new Map<string, Array<number | undefined>>()
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
      // deeper levels restart under this item unless their w:lvlRestart says otherwise
      for (let deeper = ilvl + 1; deeper < counter.length; deeper++) {
        const restart = levelOf(num, deeper)?.restart
        if (restart === undefined || (restart > 0 && ilvl < restart)) counter[deeper] = undefined
      }
      // upper levels' numbers in the marker (`%1.%2`) are written out: the item's own number is %1
      const marker = level.text.replace(/%(\d)/g, (_place, digit: string) => {
        const upper = Number(digit) - 1
        if (upper === ilvl) return '\u0000'
        const value = counter[upper]
        const upperLevel = levelOf(num, upper)
        return upper < ilvl && value !== undefined && upperLevel
          ? formatListNumber(listFormatOf(level.legal ? 'decimal' : upperLevel.format), value)
          : ''
      })
      const name = `${listNumberPrefix}${++next}`
      numbers[name] = {
        format: level.legal ? 'decimal' : level.format,
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
