import type { ReportKind } from '../report-kind'

/**
 * The opening formula (spec report-structure §1.5), one near-fixed paragraph that names the kind:
 * 人大 `我受…常务委员会（的）委托，向大会报告工作，请予审议。`; 政协 `我代表…委员会常务委员会，向大会报告工作……`;
 * 政府 `现在，我代表区人民政府向大会报告工作……`.
 */

const REPORTS = /向大会(?:报告|作|做).{0,8}工作|报告工作|作工作报告|做工作报告/

function safeRegExp(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u')
  } catch {
    return undefined
  }
}

const compiled = new Map<string, RegExp | undefined>()

/** A template's opening pattern (user data, compiled once; a broken pattern never matches). */
export function templatePattern(source: string): RegExp | undefined {
  if (!source) return undefined
  if (!compiled.has(source)) compiled.set(source, safeRegExp(source))
  return compiled.get(source)
}

/** The kind the wording of an opening formula names, or undefined. */
export function openingKind(text: string): ReportKind | undefined {
  const flat = text.replace(/[\s\u3000]+/g, '')
  if (flat.length > 160 || !REPORTS.test(flat)) return undefined
  if (/^我?受.{0,40}(?:常务委员会|常委会).{0,4}委托/.test(flat) && !/政协|政治协商/.test(flat.slice(0, 40)))
    return 'npc'
  if (/^我代表.{0,40}委员会常务委员会|^我代表.{0,20}政协|^受政协.{0,40}委托/.test(flat)) return 'cppcc'
  if (/^(?:现在[，,])?我代表.{0,20}(?:人民)?政府/.test(flat)) return 'gov'
  return undefined
}

/**
 * Is this paragraph the opening formula? `templates` give their own patterns (a 工作总结's `现将……报告如下。`); the
 * formula's kind is `openingKind` or the template's.
 */
export function readOpening(
  text: string,
  templates: ReadonlyArray<{ kind: ReportKind; frontMatter: { openingPattern: string } }>,
): { kind?: ReportKind } | undefined {
  const trimmed = text.trim()
  if (!trimmed || trimmed.length > 200) return undefined
  const byWords = openingKind(trimmed)
  if (byWords) return { kind: byWords }
  const template = templates.find(candidate => templatePattern(candidate.frontMatter.openingPattern)?.test(trimmed))
  if (template) return { kind: template.kind }
  if (REPORTS.test(trimmed.replace(/[\s\u3000]+/g, '')) && trimmed.length <= 160) return {}
  return undefined
}
