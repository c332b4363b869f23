import type { Rule } from '../rule'
import { sectionTitleAt } from './part-label'

/** `×` used as a fill-in mark; `3×3` and `A×B` (multiplication) are not placeholders. */
const PLACEHOLDER = /×+/g

function shorten(text: string, length = 20): string {
  const flat = text.replace(/\s+/g, '')
  return flat.length > length ? flat.slice(0, length) + '……' : flat
}

/** STR-PLACEHOLDER: template guidance still in the report, or `×` fill-in marks not yet replaced. */
export const strPlaceholder: Rule = {
  id: 'STR-PLACEHOLDER',
  title: '未替换的模板提示',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run({ blocks, structure }, report) {
    for (const block of blocks) {
      const section = sectionTitleAt(structure, block.path[0]!)
      const where = section ? `“${shorten(section, 24)}”中` : '报告开头'
      if (block.kind === 'guidance') {
        report({
          rule: 'STR-PLACEHOLDER',
          severity: 'error',
          message: `${where}还有模板提示未替换：“${shorten(block.text)}”。请写入正文后删除这条提示。`,
          location: { path: block.path, ...(section ? { section } : {}) },
        })
        continue
      }
      if (!block.text.includes('×')) continue
      let first: RegExpExecArray | undefined
      let count = 0
      for (const match of block.text.matchAll(PLACEHOLDER)) {
        const before = block.text[match.index - 1] ?? ''
        const after = block.text[match.index + match[0].length] ?? ''
        if (/[0-9A-Za-z０-９]/.test(before) && /[0-9A-Za-z０-９]/.test(after)) continue
        count++
        first ??= match
      }
      if (!first) continue
      report({
        rule: 'STR-PLACEHOLDER',
        severity: 'error',
        message: `${where}的“${shorten(block.text)}”还有${count}处待填写的“×”。请填入实际的名称、日期或数字。`,
        location: {
          path: block.path,
          from: first.index,
          to: first.index + first[0].length,
          ...(section ? { section } : {}),
        },
      })
    }
  },
}
