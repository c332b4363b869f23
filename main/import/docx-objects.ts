import { wordRunText } from './word-run-text'

/** Objects of a DOCX body that mammoth reads as nothing, and what they are called in the notice. */
const kinds: Array<{ name: string; unit: string; pattern: RegExp }> = [
  { name: '公式', unit: '个', pattern: /<m:oMath[\s>]/g },
  { name: '图表', unit: '个', pattern: /<c:chart[\s>]/g },
  { name: 'SmartArt 图形', unit: '个', pattern: /<dgm:relIds[\s>]/g },
]

/**
 * zh-CN notices naming the equations, charts and SmartArt of a DOCX body, which the import cannot keep (mammoth
 * reads them as nothing): how many and after which text each stood. One pass over the main part, paragraph by
 * paragraph (the main part as the counted zip reader gave it, read-docx.ts).
 */
export function docxObjectsLeftOut(xml: string): string[] {
  if (!kinds.some(kind => xml.search(kind.pattern) >= 0)) return []
  const found = new Map<string, string[]>()
  let before = ''
  for (const paragraph of xml.split('</w:p>')) {
    for (const kind of kinds) {
      kind.pattern.lastIndex = 0
      const count = paragraph.match(kind.pattern)?.length ?? 0
      if (!count) continue
      // in a paragraph with text: that paragraph; alone in its paragraph: after the text before it
      const own = wordRunText(paragraph).trim()
      const text = own || before
      const tail = text.replace(/\s+/g, '').slice(-12)
      const place = tail ? `“${text.length > 12 ? '……' : ''}${tail}”${own ? '处' : '之后'}` : '文首'
      const places = found.get(kind.name) ?? []
      for (let index = 0; index < count; index++) places.push(place)
      found.set(kind.name, places)
    }
    const text = wordRunText(paragraph).trim()
    if (text) before = text
  }
  return kinds
    .filter(kind => found.has(kind.name))
    .map(kind => {
      const places = found.get(kind.name)!
      const named = [...new Set(places)].join('、')
      return `已忽略 ${places.length} ${kind.unit}${kind.name}（${named}）：报告中不能放${kind.name}，请在导出后的 Word 文档中另行插入。`
    })
}
