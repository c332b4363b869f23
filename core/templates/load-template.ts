import { templateSchema, type Template } from './template-schema'

export type TemplateResult = { ok: true; value: Template } | { ok: false; message: string }

function checkPatterns(template: Template): string | undefined {
  const sources: Array<[string, string]> = [
    ['frontMatter.titlePattern', template.frontMatter.titlePattern],
    ['frontMatter.openingPattern', template.frontMatter.openingPattern],
  ]
  for (const part of template.parts) {
    for (const pattern of part.titlePatterns) sources.push([`parts.${part.id}.titlePatterns`, pattern])
  }
  for (const [where, source] of sources) {
    if (!source) continue
    try {
      new RegExp(source.replace(/\{Y([+-]\d+)?\}/g, '2000'), 'u')
    } catch {
      return `模板中的正则表达式有误（${where}：${source}）。请改正后再导入模板。`
    }
  }
  const ids = new Set<string>()
  for (const part of template.parts) {
    if (ids.has(part.id)) return `模板中有两个部分的编号都是“${part.id}”。每个部分的 id 必须不同，请改正后再导入模板。`
    ids.add(part.id)
  }
  return undefined
}

/** Validates template data (built-in or a user's template file). Never throws. */
export function parseTemplate(json: unknown): TemplateResult {
  let data = json
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json)
    } catch {
      return { ok: false, message: '模板文件不是有效的 JSON，无法读取。请检查文件内容或重新导出模板。' }
    }
  }
  if (typeof data !== 'object' || data === null) {
    return { ok: false, message: '模板文件的内容不是模板对象，无法使用。请选择工作报告编写器导出的模板文件。' }
  }
  // Interpreted, not compiled: each template is parsed once, and zod's compiled parser costs more to build than it saves.
  const parsed = templateSchema.safeParse(data, { jitless: true })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue && issue.path.length ? issue.path.join('.') : '根'
    const what =
      issue?.code === 'invalid_type' && issue.message.includes('undefined') ? '缺少这一项' : '内容不符合模板格式'
    return { ok: false, message: `模板文件在“${where}”处${what}，无法使用。请按内置模板的格式改正后再导入。` }
  }
  const problem = checkPatterns(parsed.data)
  if (problem) return { ok: false, message: problem }
  return { ok: true, value: parsed.data }
}
