import { promiseOf } from '../../reuse/promise-box'
import type { Rule } from '../rule'
import { sectionTitleAt } from './part-label'

/** `×` used as a fill-in mark; `3×3` and `A×B` (multiplication) are not placeholders. */
const PLACEHOLDER = /×+/g

function shorten(text: string, length = 20): string {
  const flat = text.replace(/\s+/g, '')
  return flat.length > length ? flat.slice(0, length) + '……' : flat
}

/**
 * STR-PLACEHOLDER: template guidance still in the report, a review section whose promise box (roll-forward) is
 * not yet marked done, or `×` fill-in marks not yet replaced. It guards a 正式稿 and cannot be switched off.
 */
export const strPlaceholder: Rule = {
  id: 'STR-PLACEHOLDER',
  title: '未替换的模板提示',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { blocks, structure } = context
    for (const block of blocks) {
      const section = sectionTitleAt(structure, block.path[0]!, context)
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
      const promise = block.kind === 'heading' ? promiseOf(block.node) : null
      if (promise && !promise.done) {
        const title = block.text.trim() ? `“${shorten(block.text, 24)}”` : '这一节'
        report({
          rule: 'STR-PLACEHOLDER',
          severity: 'error',
          message: `${title}还没有标为已完成（${promise.year ? `${promise.year}年报告` : '去年报告'}承诺：“${shorten(promise.text)}”）。写明这一年的落实情况后，点标题下提示框中的“已完成”。`,
          location: { path: block.path, ...(section ? { section } : {}) },
        })
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
