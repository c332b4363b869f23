import { getSchema } from '@tiptap/core'
import { useEditor } from '@tiptap/react'
import { useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { setGuidanceReplaceLabel } from '../editor/extensions/guidance'
import { refreshPromiseBoxes } from '../editor/extensions/promise-box'
import { fitToSchema } from '../editor/fit-to-schema'
import { reportExtensions } from '../editor/report-extensions'
import { listEditorExtensions, openWithBindings } from './extension-points'
import { showError, type Session } from './shell-store'

/** The TipTap editor of one session's report (built once per session; a language switch keeps its history). */
export function useReportEditor(session: Session) {
  const { t, i18n } = useTranslation()
  const { report } = session.opened

  const scheme = report.meta.numbering
  const extensions = useMemo(
    () => [
      ...reportExtensions({
        scheme,
        replaceLabel: i18n.t('guidance.replace'),
        // i18next's own t follows the language: the boxes are redrawn on a switch (refreshPromiseBoxes).
        translatePromise: (key, values) => i18n.t(`promise.${key}`, values),
      }),
      ...listEditorExtensions().map(factory => factory({ scheme })),
    ],
    // Built once per document: a language switch must not rebuild the editor (and lose its history).
    [i18n, scheme],
  )

  const fitted = useMemo(() => fitToSchema(report.doc, getSchema(extensions)), [extensions, report.doc])
  const content = useMemo(() => openWithBindings(fitted.doc, report), [fitted.doc, report])

  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { class: 'report-body', spellcheck: 'false', 'aria-label': t('editor.label') } },
  })

  // The placeholders' 替换 buttons are node-view DOM, outside React: relabel them when the language changes.
  useEffect(() => {
    if (!editor) return
    setGuidanceReplaceLabel(editor, t('guidance.replace'))
    refreshPromiseBoxes(editor)
  }, [editor, t, i18n.language])

  useEffect(() => {
    if (fitted.changed > 0) showError(i18n.t('errors.contentFitted', { count: fitted.changed }))
  }, [fitted, i18n])

  return editor
}
