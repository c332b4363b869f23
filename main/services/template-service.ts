import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { TemplateSummary } from '../../core/ipc/files-api'
import type { IpcResult } from '../../core/ipc/ipc-result'
import { fail, ok } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import { builtinTemplates } from '../../core/templates/builtin-templates'
import type { Template } from '../../core/templates/template-schema'
import { templateSchema } from '../../core/templates/template-schema'
import { writeFileAtomic } from '../files/write-file-atomic'
import { writeErrorMessage } from './write-error-message'

export interface TemplateService {
  list(): Promise<TemplateSummary[]>
  get(id: string): Promise<IpcResult<Template>>
  saveFromReport(report: ReportFile, name: string): Promise<IpcResult<TemplateSummary>>
}

function summary(template: Template, builtin: boolean): TemplateSummary {
  return { id: template.id, name: template.name, kind: template.kind, description: template.description, builtin }
}

/** Built-in templates (core data) plus user templates in `<userData>/templates/*.json` (validated; broken ones skipped). */
export function createTemplateService(userDataDir: string): TemplateService {
  const directory = path.join(userDataDir, 'templates')

  async function userTemplates(): Promise<Template[]> {
    let names: string[]
    try {
      names = await fs.readdir(directory)
    } catch {
      return []
    }
    const templates: Template[] = []
    for (const name of names.filter(file => file.endsWith('.json')).sort()) {
      try {
        const parsed = templateSchema.safeParse(JSON.parse(await fs.readFile(path.join(directory, name), 'utf8')))
        if (parsed.success && !builtinTemplates.some(builtin => builtin.id === parsed.data.id))
          templates.push(parsed.data)
      } catch {
        // A broken user template is left on disk and not offered.
      }
    }
    return templates
  }

  async function get(id: string): Promise<IpcResult<Template>> {
    const template =
      builtinTemplates.find(candidate => candidate.id === id) ??
      (await userTemplates()).find(candidate => candidate.id === id)
    return template ? ok(template) : fail('unknown-template', `找不到模板“${id}”。它可能已被删除，请选择其他模板。`)
  }

  return {
    async list() {
      return [
        ...builtinTemplates.map(template => summary(template, true)),
        ...(await userTemplates()).map(template => summary(template, false)),
      ]
    },
    get,
    async saveFromReport(report, name) {
      const base = await get(report.meta.templateId)
      if (!base.ok) return fail(base.code, `无法另存为模板：报告所用的模板“${report.meta.templateId}”已不存在。`)
      const template: Template = {
        ...base.value,
        id: `user-${randomBytes(4).toString('hex')}`,
        name,
        description: `由《${report.meta.title || '未命名报告'}》另存的模板，基于“${base.value.name}”。`,
      }
      const file = path.join(directory, `${template.id}.json`)
      try {
        await fs.mkdir(directory, { recursive: true })
        await writeFileAtomic(file, JSON.stringify(template, null, 2) + '\n', { backup: false })
      } catch (error) {
        return fail('write-failed', writeErrorMessage(error, file))
      }
      return ok(summary(template, false))
    },
  }
}
