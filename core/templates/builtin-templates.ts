import cppcc from '../../templates/cppcc.json'
import gov from '../../templates/gov.json'
import npc from '../../templates/npc.json'
import summary from '../../templates/summary.json'
import type { ReportKind } from '../report-kind'
import { parseTemplate } from './load-template'
import type { Template } from './template-schema'

function load(json: unknown): Template {
  const result = parseTemplate(json)
  if (!result.ok) throw new Error(`内置模板无效：${result.message}`)
  return result.value
}

/** The four built-in templates, validated at load. */
export const builtinTemplates: Template[] = [load(npc), load(cppcc), load(gov), load(summary)]

export function getBuiltinTemplate(id: string): Template | undefined {
  return builtinTemplates.find(template => template.id === id)
}

/** The built-in template of a kind (each kind has exactly one). */
export function templateForKind(kind: ReportKind): Template {
  return builtinTemplates.find(template => template.kind === kind)!
}
