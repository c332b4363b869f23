const outlineStyle = (level: number): string => `wrsOutline${level}`

/** Outline level 0–8 (9 is body text) as the heading level import reads: 0 → h1 … 3 and deeper → h4. */
const headingOf = (level: number): number => Math.min(4, level + 1)

/**
 * WPS (and Word's paragraph dialog) can make a paragraph a heading by its outline level alone, set on the paragraph
 * (`<w:outlineLvl>` in its `<w:pPr>`, no heading style) or on a style of another name. mammoth reads neither: the
 * paragraphs get a style id of their own here, and the style map sends those ids, and the styles that carry an
 * outline level, to `<h1>`–`<h4>`.
 */
export function withOutlineLevels(
  files: Record<string, Uint8Array>,
  mainPart: string,
): { files: Record<string, Uint8Array>; styleMap: string[] } {
  const styleMap: string[] = []
  const stylesPart = files[mainPart.replace(/[^/]*$/, 'styles.xml')]
  if (stylesPart) {
    const styles = new TextDecoder().decode(stylesPart)
    for (const match of styles.matchAll(/<w:style\b[^>]*w:type="paragraph"[^>]*>([\s\S]*?)<\/w:style>/g)) {
      const id = /w:styleId="([^"]+)"/.exec(match[0])?.[1]
      const level = /<w:outlineLvl w:val="(\d)"/.exec(match[1]!)?.[1]
      if (id && level !== undefined && Number(level) < 9 && /^[\w-]+$/.test(id))
        styleMap.push(`p.${id} => h${headingOf(Number(level))}:fresh`)
    }
  }
  const main = files[mainPart]
  if (!main) return { files, styleMap }
  const xml = new TextDecoder().decode(main)
  if (!xml.includes('w:outlineLvl')) return { files, styleMap }
  const used = new Set<number>()
  const rewritten = xml.replace(/<w:pPr(\s[^>]*)?>([\s\S]*?)<\/w:pPr>/g, (block, _attributes, inner: string) => {
    const level = /<w:outlineLvl w:val="(\d)"/.exec(inner)?.[1]
    if (level === undefined || Number(level) >= 9) return block
    used.add(Number(level))
    // set on the paragraph, the outline level wins over its style's (direct formatting), as in Word and WPS
    const style = `<w:pStyle w:val="${outlineStyle(Number(level))}"/>`
    if (/<w:pStyle\b[^>]*\/>/.test(block)) return block.replace(/<w:pStyle\b[^>]*\/>/, style)
    const open = block.indexOf('>') + 1
    return `${block.slice(0, open)}${style}${block.slice(open)}`
  })
  for (const level of used) styleMap.push(`p.${outlineStyle(level)} => h${headingOf(level)}:fresh`)
  return { files: { ...files, [mainPart]: new TextEncoder().encode(rewritten) }, styleMap }
}
