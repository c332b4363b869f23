import { chineseNumeral } from './numbering'

/**
 * How an ordered list prints its numbers: the number format (Word's `w:numFmt` names, which the DOCX export writes
 * as they are) and the marker around the number (Word's `w:lvlText` with `%1` for the item's number). An imported
 * list keeps its source's (`orderedList` attrs `type`, `marker`, `start`); a list made in the editor has neither and
 * prints the level's default, `1.` then `（1）`. The editor, the DOCX and the PDF all print `listItemMarker`.
 */
export const listFormats = [
  'decimal',
  'decimalZero',
  'decimalFullWidth',
  'decimalEnclosedCircle',
  'decimalEnclosedCircleChinese',
  'chineseCounting',
  'chineseCountingThousand',
  'chineseLegalSimplified',
  'ideographTraditional',
  'ideographZodiac',
  'lowerLetter',
  'upperLetter',
  'lowerRoman',
  'upperRoman',
] as const

export type ListFormat = (typeof listFormats)[number]

/** HTML `<ol type>` letters (what TipTap reads from pasted HTML) as the formats they mean. */
const htmlTypes: Record<string, ListFormat> = {
  '1': 'decimal',
  a: 'lowerLetter',
  A: 'upperLetter',
  i: 'lowerRoman',
  I: 'upperRoman',
}

/** The format an `orderedList`'s `type` attribute names; decimal for none or one this app does not know. */
export function listFormatOf(type: unknown): ListFormat {
  if (typeof type !== 'string') return 'decimal'
  if (htmlTypes[type]) return htmlTypes[type]
  return (listFormats as readonly string[]).includes(type) ? (type as ListFormat) : 'decimal'
}

/** The marker a list level prints when its list names none (the exports' defaults since lists existed). */
export function defaultListMarker(level: number): string {
  return level % 2 === 0 ? '%1.' : '（%1）'
}

/** A marker pattern as kept: one `%1` and at most 40 characters of text around it; anything else is no pattern. */
export function listMarkerPattern(marker: unknown): string | undefined {
  if (typeof marker !== 'string' || marker.length > 40) return undefined
  const places = marker.match(/%\d/g) ?? []
  return places.length === 1 && places[0] === '%1' ? marker : undefined
}

const heavenlyStems = '甲乙丙丁戊己庚辛壬癸'
const earthlyBranches = '子丑寅卯辰巳午未申酉戌亥'
const legalDigits = ['壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾']

function letters(value: number, upper: boolean): string {
  let out = ''
  for (let rest = value; rest > 0; rest = Math.floor((rest - 1) / 26))
    out = String.fromCharCode((upper ? 65 : 97) + ((rest - 1) % 26)) + out
  return out
}

function roman(value: number): string {
  if (value < 1 || value > 3999) return String(value)
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  let rest = value
  for (const [amount, symbol] of table)
    while (rest >= amount) {
      out += symbol
      rest -= amount
    }
  return out
}

/** 1 → 一 … 99 → 九十九, 100–999 → 一百、一百零五、三百二十 (Word's chineseCounting). */
function chineseCounting(value: number): string {
  if (value < 100 || value > 999) return chineseNumeral(value)
  const hundreds = Math.floor(value / 100)
  const rest = value % 100
  const head = `${chineseNumeral(hundreds)}百`
  if (rest === 0) return head
  if (rest < 10) return `${head}零${chineseNumeral(rest)}`
  return `${head}${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`
}

/** A number in a list format, as Word prints it (numbers past what a format can write fall back to digits). */
export function formatListNumber(format: ListFormat, value: number): string {
  if (!Number.isInteger(value) || value < 0) return String(value)
  switch (format) {
    case 'decimal':
      return String(value)
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value)
    case 'decimalFullWidth':
      return String(value).replace(/\d/g, digit => String.fromCharCode(0xff10 + Number(digit)))
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value)
    case 'chineseCounting':
    case 'chineseCountingThousand':
      return value === 0 ? '〇' : chineseCounting(value)
    case 'chineseLegalSimplified':
      return value >= 1 && value <= 99
        ? chineseNumeral(value).replace(
            /[一二三四五六七八九十]/g,
            char => legalDigits['一二三四五六七八九十'.indexOf(char)]!,
          )
        : String(value)
    case 'ideographTraditional':
      return value >= 1 && value <= 10 ? heavenlyStems[value - 1]! : String(value)
    case 'ideographZodiac':
      return value >= 1 && value <= 12 ? earthlyBranches[value - 1]! : String(value)
    case 'lowerLetter':
      return value >= 1 ? letters(value, false) : String(value)
    case 'upperLetter':
      return value >= 1 ? letters(value, true) : String(value)
    case 'lowerRoman':
      return roman(value).toLowerCase()
    case 'upperRoman':
      return roman(value)
  }
}

/** What an `orderedList` node says about its numbers. */
export interface OrderedListAttrs {
  start?: unknown
  type?: unknown
  marker?: unknown
}

/** The list's first number: its `start` when that is a whole number ≥ 0, otherwise 1. */
export function listStart(attrs: OrderedListAttrs | undefined): number {
  const start = Number(attrs?.start)
  return Number.isInteger(start) && start >= 0 && start < 100_000 ? start : 1
}

/** The marker of the `index`-th item (0-based) of an ordered list at nesting `level` (0 = top): `1.`, `（三）`, `②`. */
export function listItemMarker(attrs: OrderedListAttrs | undefined, level: number, index: number): string {
  const pattern = listMarkerPattern(attrs?.marker) ?? defaultListMarker(level)
  return pattern.replace('%1', formatListNumber(listFormatOf(attrs?.type), listStart(attrs) + index))
}
