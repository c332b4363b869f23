import { printCss } from '../../core/export/print-html/print-css'
import { planFonts } from '../../core/export/print-html/font-plan'
import { charPitchPt } from '../../core/export/print-html/page-geometry'
import type { LayoutSettings } from '../../core/report-file'

const root = '.report-body'

/** Print classes (core/export/print-html/block-html.ts) and what the editor's DOM has in their place. */
const classMap: [RegExp, string][] = [
  [/\bth \.cell\b/g, 'th > p'],
  [/\btd\.num \.cell\b/g, 'td.num > p'],
  [/\.cell\b/g, ':is(td, th) > p'],
  [/\.body\b/g, 'p'],
  [/\.fm-last\b/g, ':is(.title, .subtitle, .speaker):has(+ :not(.title, .subtitle, .speaker))'],
  [/\.d(\d)\b/g, '[data-depth="$1"]'],
  [/\.b(\d)\b/g, '[data-bold="$1"]'],
  [/^b$/g, ':is(b, strong)'],
]

/** Print-only selectors: paper, printed list markers and run-in spans are drawn differently in the editor. */
const printOnly = /^(html|span\.h|\.list|\.list-more)$/

function splitSelectors(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const character = text[index]
    if (character === '(') depth++
    else if (character === ')') depth--
    else if (character === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts
}

function scopeSelector(selector: string): string[] {
  if (printOnly.test(selector)) return []
  if (selector === 'body') return [root]
  let scoped = selector
  for (const [pattern, replacement] of classMap) scoped = scoped.replace(pattern, replacement)
  return [`${root} ${scoped}`]
}

/**
 * The print style sheet of the PDF (one source of truth for fonts, type area width, line pitch, the 28-character
 * grid and the line-breaking rules), scoped to the editor: `body` becomes `.report-body`, the print classes map to
 * the editor's elements, @page rules (paper, margin boxes) are left to the page view. Parsed by the browser's own
 * CSS parser, so whatever the print style sheet gains reaches the editor unchanged.
 */
export function editorPrintCss(layout: LayoutSettings): string {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(printCss(layout, planFonts(null), null))
  const out: string[] = [`${root} { --wrs-indent: ${(2 * charPitchPt()).toFixed(3)}pt; text-align: justify; }`]
  for (const rule of Array.from(sheet.cssRules)) {
    if (rule instanceof CSSStyleRule) {
      const selectors = splitSelectors(rule.selectorText).flatMap(scopeSelector)
      if (selectors.length) out.push(`${selectors.join(', ')} { ${rule.style.cssText} }`)
    } else if (rule instanceof CSSFontFaceRule) out.push(rule.cssText)
  }
  // Paper is drawn by the page view's sheets: the text lies on them, and the gaps between them show through.
  out.push(`${root} { background: transparent; }`)
  return out.join('\n')
}
