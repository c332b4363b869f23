import type { Rule } from '../rule'
import { textReporter } from './text-reporter'

/**
 * TXT-GLYPH: a character no installed face the PDF may use has (`𠀀`, `𪚥` in place names) prints as an empty box.
 * The rule only reads `context.uncoveredChars`, which the editor fills by asking main (fontconfig's charsets); the
 * CLI's `wrs check` and the export gate leave it empty, and the PDF export names such characters itself.
 */
export const txtGlyph: Rule = {
  id: 'TXT-GLYPH',
  title: '字体缺字',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const uncovered = context.uncoveredChars
    if (!uncovered?.size) return
    const emit = textReporter(txtGlyph, context, report)
    for (const block of context.blocks) {
      if (block.kind === 'guidance') continue
      let offset = 0
      for (const char of block.text) {
        const from = offset
        offset += char.length
        if (!uncovered.has(char)) continue
        const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
        emit(
          block,
          from,
          offset,
          `“${char}”（${code}）在这台电脑所装的字体中都没有字形，导出 PDF 时会印成空框。请安装含这个字的字体（如方正超大字符集字体），或改用常用字。`,
        )
      }
    }
  },
}

export const glyphRules: Rule[] = [txtGlyph]
