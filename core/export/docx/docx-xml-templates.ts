import { Paragraph, TextRun } from 'docx'
import { componentXml, escapeXml } from './docx-xml-string'

export type TextRunOptions = Exclude<ConstructorParameters<typeof TextRun>[0], string>
export type ParagraphOptions = Exclude<ConstructorParameters<typeof Paragraph>[0], string>

/**
 * The XML of body paragraphs and runs without one docx object per paragraph and run: the docx library writes
 * each distinct shape once (a run's properties, a paragraph's properties) around a slot, and every paragraph of
 * that shape is the template with its text put in the slot, escaped as docx escapes it. A report has a handful
 * of shapes and thousands of paragraphs; the output is the library's own, byte for byte.
 */
const SLOT = '\uE000'

type Template = readonly [before: string, after: string]

function split(xml: string, slot: string): Template {
  const at = xml.indexOf(slot)
  if (at < 0 || xml.indexOf(slot, at + 1) >= 0) throw new Error(`docx template without exactly one slot: ${xml}`)
  return [xml.slice(0, at), xml.slice(at + slot.length)]
}

const runTemplates = new Map<string, Template>()

/** `<w:r>…<w:t xml:space="preserve">text</w:t></w:r>` as `new TextRun(options)` writes it. */
export function runXml(options: TextRunOptions & { text: string }): string {
  const { text, ...shape } = options
  const key = JSON.stringify(shape)
  let template = runTemplates.get(key)
  if (!template) {
    template = split(componentXml(new TextRun({ ...shape, text: SLOT })), SLOT)
    runTemplates.set(key, template)
  }
  return template[0] + escapeXml(text) + template[1]
}

const paragraphTemplates = new Map<string, Template>()
const emptyParagraphs = new Map<string, string>()

/** `<w:p><w:pPr>…</w:pPr>runs</w:p>` as `new Paragraph({ ...options, children })` writes it, `runs` being their XML. */
export function paragraphXml(options: Omit<ParagraphOptions, 'children' | 'text'>, runs: string): string {
  const key = JSON.stringify(options)
  if (runs === '') {
    let empty = emptyParagraphs.get(key)
    if (empty === undefined) {
      empty = componentXml(new Paragraph({ ...options }))
      emptyParagraphs.set(key, empty)
    }
    return empty
  }
  let template = paragraphTemplates.get(key)
  if (!template) {
    const slotRun = runXml({ text: SLOT })
    template = split(componentXml(new Paragraph({ ...options, children: [new TextRun({ text: SLOT })] })), slotRun)
    paragraphTemplates.set(key, template)
  }
  return template[0] + runs + template[1]
}
