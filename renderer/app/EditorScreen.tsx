import { EditorContent } from '@tiptap/react'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { lockedRules } from '../../core/checks/gate-rules'
import type { CheckSettings, ReportMeta } from '../../core/report-file'
import { editorPrintCss } from '../editor/editor-print-css'
import { paginationKey } from '../editor/extensions/pagination'
import { deletePart, movePart } from '../editor/move-part'
import { EditorContextMenu } from './EditorContextMenu'
import type { EditorContext } from './extension-points'
import { listCanvasAsides, listToolbarGroups } from './extension-points'
import { FindBar } from './FindBar'
import { FootnoteDialog } from './FootnoteDialog'
import { OutlinePanel } from './OutlinePanel'
import { PageSheets } from './PageSheets'
import { openDocument, showError, useShell, type Session } from './shell-store'
import { SidePanel } from './SidePanel'
import { StatusBar } from './StatusBar'
import { Toolbar } from './Toolbar'
import { useDocumentPersistence } from './use-document-persistence'
import { useEditorCommands } from './use-editor-commands'
import { useEditorNavigation } from './use-editor-navigation'
import { useReportAnalysis } from './use-report-analysis'
import { useReportEditor } from './use-report-editor'
import { useReportModel } from './use-report-model'
import { useZoomScale } from './use-zoom-scale'

/** One open report: toolbar, outline, the page, the side panel and the status bar around one TipTap editor. */
export function EditorScreen({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { opened, template } = session
  const { buildReport, updateChecks, updateMeta, insertNodes } = useReportModel(session)
  const title = useCallback(() => openDocument()?.meta.title || t('app.untitled'), [t])
  const editor = useReportEditor(session)
  const persistence = useDocumentPersistence({ docId: opened.docId, editor, buildReport, title, showError })
  const analysis = useReportAnalysis(editor, buildReport, template)
  const { jumpToLocation, jumpToTopIndex } = useEditorNavigation(editor)
  useEditorCommands(editor)
  const scheme = useShell(state => state.document?.meta.numbering ?? opened.report.meta.numbering)
  const draftLabel = useShell(state => state.document?.meta.draftLabel ?? opened.report.meta.draftLabel)
  const findMode = useShell(state => state.findMode)
  const showOutline = useShell(state => state.showOutline)
  const locked = useMemo(() => lockedRules(template), [template])
  // The print style sheet, scoped to the editor: the page on screen breaks its lines as the PDF does.
  const printStyle = useMemo(() => editorPrintCss(opened.report.layout), [opened.report.layout])
  const view = useShell(state => state.view)
  const canvasRef = useRef<HTMLElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const zoom = useZoomScale(view.zoom, canvasRef, pageRef)
  useEffect(() => {
    if (useShell.getState().shownScale !== zoom.scale) useShell.setState({ shownScale: zoom.scale })
  }, [zoom.scale])
  // The page view or the draft view (one long sheet), as the user left it.
  useEffect(() => {
    if (editor && (paginationKey.getState(editor.state)?.enabled ?? true) !== view.pageView)
      editor.commands.setPageView(view.pageView)
  }, [editor, view.pageView])

  const { analyse, scheduleAnalysis } = analysis
  const { markDirty, save, discard } = persistence
  useEffect(() => {
    if (!editor) return
    const onUpdate = () => {
      markDirty()
      scheduleAnalysis()
    }
    editor.on('update', onUpdate)
    return () => void editor.off('update', onUpdate)
  }, [editor, markDirty, scheduleAnalysis])
  useEffect(() => {
    analyse()
    if (session.recovered && !openDocument()?.dirty) markDirty()
  }, [analyse, markDirty, session.recovered])

  useEffect(() => {
    if (!editor) return
    const handle = {
      save,
      discard,
      editor,
      currentReport: () => buildReport(editor),
      insertNodes: (...args: Parameters<typeof insertNodes> extends [unknown, ...infer Rest] ? Rest : never) =>
        insertNodes(editor, ...args),
      jumpTo: jumpToLocation,
    }
    useShell.setState({ handle })
    return () => {
      if (useShell.getState().handle === handle) useShell.setState({ handle: null })
    }
  }, [buildReport, discard, editor, insertNodes, jumpToLocation, save])

  const context: EditorContext | null = useMemo(
    () =>
      editor && {
        editor,
        report: () => buildReport(editor),
        path: () => openDocument()?.path ?? null,
        showError,
        jumpTo: jumpToLocation,
        openSideTab: id => useShell.setState({ sideTab: id }),
      },
    [buildReport, editor, jumpToLocation],
  )

  if (!editor || !context) return null
  const onChecks = (next: CheckSettings) => {
    updateChecks(next)
    markDirty()
    analyse()
  }
  const onMeta = (field: keyof ReportMeta, value: string | number) => {
    if (updateMeta(editor, field, value)) {
      markDirty()
      scheduleAnalysis()
    }
  }

  return (
    <div className="editor-screen">
      <Toolbar
        editor={editor}
        scheme={scheme}
        extraGroups={listToolbarGroups().map((Group, index) => (
          <Group key={index} {...context} />
        ))}
      />
      {findMode && (
        <FindBar
          editor={editor}
          mode={findMode}
          onMode={mode => useShell.setState({ findMode: mode })}
          onClose={() => useShell.setState({ findMode: null })}
        />
      )}
      <div className="workspace">
        {showOutline && (
          <OutlinePanel
            analysis={analysis.analysis}
            scheme={scheme}
            onJump={jumpToTopIndex}
            onInsertMissing={analysis.fix}
            onMovePart={(start, end, before) => movePart(editor, start, end, before) && analyse()}
            onDeletePart={(start, end) => deletePart(editor, start, end) && analyse()}
          />
        )}
        <main className="canvas" data-testid="canvas" ref={canvasRef}>
          <style>{printStyle}</style>
          <EditorContextMenu context={context} scheme={scheme}>
            <div className="page-zoom" style={{ width: zoom.width, height: zoom.height }}>
              <div
                ref={pageRef}
                className={view.pageView ? 'page' : 'page draft'}
                data-numbering={scheme}
                data-testid="page-view"
                style={zoom.scale === 1 ? undefined : { transform: `scale(${zoom.scale})` }}
              >
                <PageSheets
                  editor={editor}
                  mirrorMargins={opened.report.layout.mirrorMargins}
                  draftLabel={draftLabel || null}
                />
                <EditorContent editor={editor} />
              </div>
            </div>
          </EditorContextMenu>
          {listCanvasAsides().map((Aside, index) => (
            <Aside key={index} {...context} />
          ))}
        </main>
        <SidePanel
          editor={editor}
          context={context}
          analysis={analysis.analysis}
          locked={locked}
          onFix={analysis.fix}
          onFixAll={analysis.fixAll}
          onChecks={onChecks}
          onMeta={onMeta}
        />
      </div>
      <FootnoteDialog editor={editor} />
      <StatusBar editor={editor} analysis={analysis.analysis} />
    </div>
  )
}
