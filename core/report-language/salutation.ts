import type { ReportKind } from '../report-kind'

/**
 * The salutation on its own line (spec report-structure §1.4): 人大 and 政府 `各位代表：`, 政协 `各位委员：` or
 * `各位委员、同志们：`; a report to a standing-committee meeting `各位常委会组成人员：`; `、同志们` also after a comma
 * (`各位代表，同志们：`). One vocabulary for import, the structure analysis and the checks.
 */

const ADDRESSEES: Record<ReportKind, readonly string[]> = {
  npc: ['代表', '常委会组成人员'],
  gov: ['代表'],
  cppcc: ['委员', '常委'],
  summary: ['代表', '委员', '常委会组成人员', '常委', '领导'],
}
const ALL_ADDRESSEES = ['常委会组成人员', '代表', '委员', '常委', '领导']
const COMRADES = '(?:[、，,]\\s*同志们)?'
const SALUTATION_SOURCE = `各位(?:${ALL_ADDRESSEES.join('|')})${COMRADES}`

const salutation = new RegExp(`^${SALUTATION_SOURCE}\\s*[：:]$`)
const gluedSalutation = new RegExp(`^(.*?)\\s*(${SALUTATION_SOURCE}\\s*[：:])$`)

/** `各位代表：`, `各位委员、同志们：`, `各位常委会组成人员：`, `各位代表，同志们：`; an ASCII colon is still one. */
export function isSalutation(text: string): boolean {
  return salutation.test(text.replace(/[\s\u3000]+/g, ''))
}

/** A line with the salutation glued to its end (`××区人大常委会主任 张三各位代表：`) → both halves. */
export function splitGluedSalutation(text: string): { before: string; salutation: string } | undefined {
  const match = gluedSalutation.exec(text.trim())
  if (!match) return undefined
  return { before: match[1]!.trim(), salutation: match[2]!.replace(/[\s\u3000]+/g, '') }
}

/** Without spaces, with a full-width colon and `、` before `同志们`: the form two salutations are compared in. */
export function normaliseSalutation(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/:$/, '：')
    .replace(/[，,](?=同志们)/, '、')
}

/** The addressee (`代表`, `委员`, `常委会组成人员`) of a salutation, or undefined. */
export function salutationAddressee(text: string): string | undefined {
  const match = new RegExp(`^各位(${ALL_ADDRESSEES.join('|')})`).exec(text.replace(/[\s\u3000]+/g, ''))
  return match?.[1]
}

/**
 * Does a salutation suit a report of this kind? The template's salutation and alternatives always do; so does every
 * form of the kind's addressees (`各位代表，同志们：` for 人大 as well as `各位代表、同志们：`). A wrong colon does not
 * matter here (TXT-SALUTATION fixes it).
 */
export function salutationFits(
  text: string,
  kind: ReportKind,
  template?: { salutation: string; salutationAlternatives: readonly string[] },
): boolean {
  const actual = normaliseSalutation(text)
  if (template && [template.salutation, ...template.salutationAlternatives].map(normaliseSalutation).includes(actual))
    return true
  if (!isSalutation(actual)) return false
  const addressee = salutationAddressee(actual)
  return addressee !== undefined && ADDRESSEES[kind].includes(addressee)
}

/**
 * The salutations a report of this kind is expected to use, preferred first (for messages and fixes): the template's,
 * else the kind's usual ones; none for a kind without a salutation (工作总结).
 */
export function expectedSalutations(
  kind: ReportKind,
  template?: { salutation: string; salutationAlternatives: readonly string[] },
): string[] {
  if (template) return template.salutation ? [template.salutation, ...template.salutationAlternatives] : []
  if (kind === 'summary') return []
  const first = ADDRESSEES[kind][0]!
  return [`各位${first}：`, `各位${first}、同志们：`]
}
