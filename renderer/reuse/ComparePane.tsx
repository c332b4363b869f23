import { Editor } from '@tiptap/core'
import type { AnyExtension, JSONContent } from '@tiptap/core'
import { Fragment } from '@tiptap/pm/model'
import { Step, StepMap } from '@tiptap/pm/transform'
import type { Transaction } from '@tiptap/pm/state'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { NumberingScheme } from '../../core/numbering'
import { listEditorExtensions } from '../app/extension-points'
import { posOfTopIndex } from '../editor/doc-positions'
import { reportExtensions } from '../editor/report-extensions'

const fromPane = 'comparePane'

export interface ComparePaneProps {
  /** The open report's editor: the pane edits its document. */
  editor: Editor
  /** Top-level indices [start, end) of the section in that document when the pane opens. */
  start: number
  end: number
  scheme: NumberingScheme
  /** Called after each edit made in the pane (the outline of sections may have changed). */
  onEdit?(): void
}

/**
 * This year's side of 与去年对照: an editor over one section of the open report, bound to the real document —
 * every step typed here is applied to the report's editor at once (its undo history, save and checks see it),
 * and a change made there is shown here. Numbering markers are left out: they depend on the whole report.
 */
export function ComparePane({ editor, start, end, scheme, onEdit }: ComparePaneProps) {
  const { t, i18n } = useTranslation()
  const host = useRef<HTMLDivElement>(null)
  const onEditRef = useRef(onEdit)
  useEffect(() => {
    onEditRef.current = onEdit
  }, [onEdit])

  useEffect(() => {
    const element = host.current
    if (!element || editor.isDestroyed) return
    const doc = editor.state.doc
    // The section's range in the report: `from` moves with edits before it, the size follows the pane.
    let from = posOfTopIndex(doc, start)
    const slice = (doc.slice(from, posOfTopIndex(doc, end)).content.toJSON() ?? []) as JSONContent[]
    const extensions: AnyExtension[] = [
      ...reportExtensions({
        scheme,
        replaceLabel: t('guidance.replace'),
        translatePromise: (key, values) => i18n.t(`promise.${key}`, values),
      }).filter(extension => extension.name !== 'numbering'),
      // The same paste handling as the report's editor.
      ...listEditorExtensions().map(factory => factory({ scheme })),
    ]
    const pane = new Editor({
      element,
      extensions,
      content: { type: 'doc', content: slice },
      editorProps: { attributes: { class: 'report-body compare-pane-body', spellcheck: 'false' } },
    })
    let size = pane.state.doc.content.size
    // True while the pane shows a change made in the report (that change must not go back).
    let following = false

    const toReport = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged || following) return
      const shift = StepMap.offset(from)
      const tr = editor.state.tr.setMeta(fromPane, 'out')
      for (const step of transaction.steps) {
        // The two editors have schemas of their own: steps cross as JSON.
        const mapped = Step.fromJSON(editor.schema, step.toJSON()).map(shift)
        if (!mapped || tr.maybeStep(mapped).failed) {
          // Should the report have moved on in a way the pane does not know, the pane's whole section goes over.
          tr.replaceWith(from, from + size, Fragment.fromJSON(editor.schema, pane.state.doc.content.toJSON()))
          break
        }
      }
      size = pane.state.doc.content.size
      editor.view.dispatch(tr)
      onEditRef.current?.()
    }

    const fromReport = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged || transaction.getMeta(fromPane) === 'out') return
      const to = transaction.mapping.map(from + size, 1)
      from = transaction.mapping.map(from, -1)
      size = Math.max(0, to - from)
      const content = Fragment.fromJSON(pane.schema, editor.state.doc.slice(from, from + size).content.toJSON())
      following = true
      try {
        pane.view.dispatch(
          pane.state.tr.replaceWith(0, pane.state.doc.content.size, content).setMeta('addToHistory', false),
        )
      } finally {
        following = false
      }
    }

    pane.on('transaction', toReport)
    editor.on('transaction', fromReport)
    return () => {
      editor.off('transaction', fromReport)
      pane.off('transaction', toReport)
      pane.destroy()
    }
    // One pane per section: a language switch relabels through i18n.t, not by rebuilding the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, start, end, scheme])

  return <div className="compare-pane" ref={host} data-testid="compare-pane" aria-label={t('editor.label')} />
}
