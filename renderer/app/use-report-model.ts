import type { Editor } from '@tiptap/core'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocNode } from '../../core/document-model'
import type { CheckSettings, Provenance, ReportFile, ReportMeta } from '../../core/report-file'
import { docJson } from '../editor/doc-json'
import { metaFromDoc, takeTitleStatus, writeFrontMatterField } from '../editor/front-matter-binding'
import type { FrontMatterField } from '../editor/front-matter-binding'
import { readWithBindings } from './extension-points'
import { openDocument, showError, updateDocument } from './shell-store'
import type { Session } from './shell-store'

const frontMatterFields: ReadonlySet<keyof ReportMeta> = new Set([
  'title',
  'date',
  'meetingName',
  'speakerOffice',
  'speakerName',
])

function sameMeta(a: ReportMeta, b: ReportMeta): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof ReportMeta>
  return [...keys].every(key => a[key] === b[key])
}

/**
 * The report as the editor holds it: the document from TipTap, the rest (meta, checks, provenance) from the shell
 * store, and the edits the side panels make to them.
 */
export function useReportModel(session: Session) {
  const { t } = useTranslation()
  const { report } = session.opened

  const buildReport = useCallback(
    (editor: Editor): ReportFile => {
      const current = openDocument() ?? { meta: report.meta, checks: report.checks, provenance: report.provenance }
      // a status typed after the title (`（征求意见稿）`) is the draft label: metaFromDoc reads it, then it leaves the title
      const meta = metaFromDoc(editor.state.doc, current.meta)
      takeTitleStatus(editor)
      if (!sameMeta(meta, current.meta)) updateDocument({ meta })
      return readWithBindings({
        ...report,
        meta,
        checks: current.checks,
        provenance: current.provenance,
        doc: docJson(editor.state.doc),
      })
    },
    [report],
  )

  const updateChecks = useCallback((checks: CheckSettings) => updateDocument({ checks }), [])

  /** A metadata panel edit: front matter fields are written into the page, the others into the meta. */
  const updateMeta = useCallback(
    (editor: Editor, field: keyof ReportMeta, value: string | number): boolean => {
      const meta = openDocument()?.meta ?? report.meta
      if (frontMatterFields.has(field)) {
        updateDocument({ meta: writeFrontMatterField(editor, meta, field as FrontMatterField, String(value)) })
        return false
      }
      updateDocument({ meta: { ...meta, [field]: value } })
      return true
    },
    [report.meta],
  )

  const insertNodes = useCallback(
    (editor: Editor, nodes: DocNode[], provenance?: Provenance): boolean => {
      if (nodes.length === 0) return false
      const { state } = editor
      const $from = state.selection.$from
      const at = $from.depth >= 1 ? $from.after(1) : state.doc.content.size
      try {
        const content = nodes.map(node => state.schema.nodeFromJSON(node))
        editor.view.dispatch(state.tr.insert(at, content).scrollIntoView())
        if (provenance) updateDocument({ provenance: [...(openDocument()?.provenance ?? []), provenance] })
        return true
      } catch (error) {
        showError(t('errors.insertFailed', { detail: error instanceof Error ? error.message : String(error) }))
        return false
      }
    },
    [t],
  )

  return { buildReport, updateChecks, updateMeta, insertNodes }
}
