import { EditorContent, useEditor } from '@tiptap/react'
import { getSchema } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import type { Ref } from 'react'
import {
  startTransition,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { DocNode } from '../../core/document-model'
import type { Finding, FindingLocation } from '../../core/checks/finding'
import { lockedRules } from '../../core/checks/gate-rules'
import type { CheckSettings, Provenance, ReportFile, ReportMeta } from '../../core/report-file'
import { applyFix, applyFixes } from '../editor/apply-fix'
import { docJson } from '../editor/doc-json'
import { locationToRange, posOfTopIndex } from '../editor/doc-positions'
import { metaFromDoc, takeTitleStatus, writeFrontMatterField } from '../editor/front-matter-binding'
import type { FrontMatterField } from '../editor/front-matter-binding'
import { deletePart, movePart } from '../editor/move-part'
import { setGuidanceReplaceLabel } from '../editor/extensions/guidance'
import { refreshPromiseBoxes } from '../editor/extensions/promise-box'
import { fitToSchema } from '../editor/fit-to-schema'
import { reportExtensions } from '../editor/report-extensions'
import { paginationKey } from '../editor/extensions/pagination'
import type { Session } from './App'
import { createReportAnalyzer } from './analyze-report'
import {
  listCanvasAsides,
  listEditorExtensions,
  listSideTabs,
  listToolbarGroups,
  openWithBindings,
  readWithBindings,
  type EditorContext,
} from './extension-points'
import { useDocumentPersistence } from './use-document-persistence'
import type { ReportAnalysis, ReportAnalyzer } from './analyze-report'
import { ChecksPanel } from './ChecksPanel'
import { findingExcerpt } from './finding-excerpt'
import { FindBar } from './FindBar'
import { MetadataPanel } from './MetadataPanel'
import { OutlinePanel } from './OutlinePanel'
import { PageSheets } from './PageSheets'
import { editorPrintCss } from '../editor/editor-print-css'
import { ZoomControls } from './ZoomControls'
import { stepZoom, useZoomScale } from './use-zoom-scale'
import { useViewSettings } from './use-view-settings'
import { StatusBar } from './StatusBar'
import { Toolbar } from './Toolbar'

export type EditorCommand =
  | 'find'
  | 'replace'
  | 'toggleOutline'
  | 'toggleChecks'
  | 'zoomIn'
  | 'zoomOut'
  | 'zoomReset'
  | 'fitWidth'
  | 'fitPage'
  | 'togglePageView'

export interface EditorHandle {
  save(saveAs: boolean): Promise<void>
  command(command: EditorCommand): void
  currentReport(): ReportFile
  currentPath(): string | null
  insertNodes(nodes: DocNode[], provenance?: Provenance): boolean
  jumpTo(location: FindingLocation): void
  /** The TipTap editor of this report (for panes bound to the real document). */
  editor(): Editor | null
  isDirty(): boolean
  /** Tells main the document is closed without saving (its recovery snapshot goes). */
  discard(): Promise<void>
}

interface EditorScreenProps {
  session: Session
  ref: Ref<EditorHandle>
  showError(message: string): void
  runCommand(command: string): void
}

const ANALYSIS_DELAY_MS = 300

export function EditorScreen({ session, ref, showError, runCommand }: EditorScreenProps) {
  const { t, i18n } = useTranslation()
  const { opened, template } = session
  const metaRef = useRef<ReportMeta>(opened.report.meta)
  const checksRef = useRef<CheckSettings>(opened.report.checks)
  const provenanceRef = useRef<Provenance[]>(opened.report.provenance)
  const analysisTimer = useRef<number | undefined>(undefined)
  const [meta, setMeta] = useState<ReportMeta>(opened.report.meta)
  const [checks, setChecks] = useState<CheckSettings>(opened.report.checks)
  const [analysis, setAnalysis] = useState<ReportAnalysis | null>(null)
  const [findMode, setFindMode] = useState<'find' | 'replace' | null>(null)
  const [view, updateView] = useViewSettings()
  const showOutline = view.outline
  // The tab chosen, shown while the side panel is open (remembered per user with the rest of the view).
  const [tab, setTab] = useState('checks')
  const sideTab = view.sidePanel ? tab : null
  const setSideTab = useCallback(
    (next: string | null | ((current: string | null) => string | null)) => {
      const value = typeof next === 'function' ? next(sideTab) : next
      if (value !== null) setTab(value)
      if ((value !== null) !== view.sidePanel) updateView({ sidePanel: value !== null })
    },
    [sideTab, updateView, view.sidePanel],
  )
  const canvasRef = useRef<HTMLElement>(null)
  const pageRef = useRef<HTMLDivElement>(null)
  const zoom = useZoomScale(view.zoom, canvasRef, pageRef)

  const buildReport = useCallback(
    (editor: Editor): ReportFile => {
      // a status typed after the title (`（征求意见稿）`) is the draft label: metaFromDoc reads it, then it leaves the title
      const nextMeta = metaFromDoc(editor.state.doc, metaRef.current)
      takeTitleStatus(editor)
      metaRef.current = nextMeta
      return readWithBindings({
        ...opened.report,
        meta: nextMeta,
        checks: checksRef.current,
        provenance: provenanceRef.current,
        doc: docJson(editor.state.doc),
      })
    },
    [opened.report],
  )

  const editorRef = useRef<Editor | null>(null)

  const analyzer = useRef<ReportAnalyzer | null>(null)
  const analysisRun = useRef(0)
  useEffect(
    () => () => {
      analyzer.current?.dispose()
      analyzer.current = null
    },
    [],
  )

  const analyse = useCallback(() => {
    const editor = editorRef.current
    if (!editor || editor.isDestroyed) return
    performance.mark('wrs-analysis-start')
    const report = buildReport(editor)
    const run = ++analysisRun.current
    analyzer.current ??= createReportAnalyzer()
    analyzer.current.analyze(report, editor.state.doc, template).then(
      result => {
        // A run that finishes after a newer one started never replaces it.
        if (run !== analysisRun.current) return
        // A transition: React renders the outline and the panels in slices a keystroke can interrupt.
        startTransition(() => {
          setMeta(metaRef.current)
          setAnalysis(result)
        })
        performance.measure('wrs-analysis', 'wrs-analysis-start')
      },
      (error: unknown) => {
        if (run !== analysisRun.current) return
        startTransition(() => setMeta(metaRef.current))
        showError(t('errors.checksFailed', { detail: error instanceof Error ? error.message : String(error) }))
      },
    )
  }, [buildReport, showError, t, template])

  const scheduleAnalysis = useCallback(() => {
    window.clearTimeout(analysisTimer.current)
    analysisTimer.current = window.setTimeout(analyse, ANALYSIS_DELAY_MS)
  }, [analyse])

  const title = useCallback(() => metaRef.current.title || t('app.untitled'), [t])

  const { path, dirty, markDirty, save, discard, isDirty, currentPath } = useDocumentPersistence({
    docId: opened.docId,
    initialPath: opened.path,
    editorRef,
    buildReport,
    title,
    showError,
  })

  const handlers = useRef({ markDirty, scheduleAnalysis })
  useLayoutEffect(() => {
    handlers.current = { markDirty, scheduleAnalysis }
  }, [markDirty, scheduleAnalysis])

  const extensions = useMemo(() => {
    const scheme = opened.report.meta.numbering
    return [
      ...reportExtensions({
        scheme,
        replaceLabel: t('guidance.replace'),
        // i18next's own t follows the language: the boxes are redrawn on a switch (refreshPromiseBoxes).
        translatePromise: (key, values) => i18n.t(`promise.${key}`, values),
      }),
      ...listEditorExtensions().map(factory => factory({ scheme })),
    ]
    // Built once per document: a language switch must not rebuild the editor (and lose its history).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened.report.meta.numbering])

  const locked = useMemo(() => lockedRules(template), [template])
  // The print style sheet, scoped to the editor: the page on screen breaks its lines as the PDF does.
  const printStyle = useMemo(() => editorPrintCss(opened.report.layout), [opened.report.layout])

  const fitted = useMemo(() => fitToSchema(opened.report.doc, getSchema(extensions)), [extensions, opened.report.doc])
  const content = useMemo(() => openWithBindings(fitted.doc, opened.report), [fitted.doc, opened.report])

  const editor = useEditor({
    extensions,
    content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { class: 'report-body', spellcheck: 'false', 'aria-label': t('editor.label') } },
    onUpdate: () => {
      handlers.current.markDirty()
      handlers.current.scheduleAnalysis()
    },
  })
  useLayoutEffect(() => {
    editorRef.current = editor
  }, [editor])

  // The placeholders' 替换 buttons are node-view DOM, outside React: relabel them when the language changes.
  useEffect(() => {
    if (!editor) return
    setGuidanceReplaceLabel(editor, t('guidance.replace'))
    refreshPromiseBoxes(editor)
  }, [editor, t, i18n.language])

  useEffect(() => {
    if (fitted.changed > 0) showError(t('errors.contentFitted', { count: fitted.changed }))
    // Once per document.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitted])

  useEffect(() => {
    analyse()
    if (session.recovered && !isDirty()) handlers.current.markDirty()
    return () => window.clearTimeout(analysisTimer.current)
  }, [analyse, isDirty, session.recovered])

  const jumpToPos = useCallback(
    (from: number, to: number, node: boolean) => {
      if (!editor) return
      const { state, view } = editor
      const selection = node ? NodeSelection.create(state.doc, from) : TextSelection.create(state.doc, from, to)
      view.dispatch(state.tr.setSelection(selection).scrollIntoView())
      const dom = view.nodeDOM(posOfTopIndex(state.doc, state.doc.resolve(from).index(0)))
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' })
      view.focus()
    },
    [editor],
  )

  const jumpToLocation = useCallback(
    (location: FindingLocation) => {
      if (!editor) return
      const range = locationToRange(editor.state.doc, location)
      if (range) jumpToPos(range.from, range.to, range.node)
    },
    [editor, jumpToPos],
  )

  const jumpToTopIndex = useCallback(
    (index: number) => {
      if (!editor) return
      const pos = posOfTopIndex(editor.state.doc, index)
      const node = editor.state.doc.nodeAt(pos)
      if (!node) return
      if (node.isTextblock) jumpToPos(pos + 1, pos + 1, false)
      else jumpToPos(pos, pos, node.isAtom)
    },
    [editor, jumpToPos],
  )

  const fix = useCallback(
    (finding: Finding) => {
      if (!editor) return
      // The outline and this panel show the result at once, not after the typing pause.
      if (applyFix(editor, finding, template, metaRef.current)) analyse()
      else showError(t('errors.fixFailed'))
    },
    [analyse, editor, showError, t, template],
  )

  const fixAll = useCallback(
    (findings: Finding[]) => {
      if (!editor) return
      if (applyFixes(editor, findings, template, metaRef.current) > 0) analyse()
      else showError(t('errors.fixFailed'))
    },
    [analyse, editor, showError, t, template],
  )

  const updateChecks = useCallback(
    (next: CheckSettings) => {
      checksRef.current = next
      setChecks(next)
      markDirty()
      analyse()
    },
    [analyse, markDirty],
  )

  const updateMeta = useCallback(
    (field: keyof ReportMeta, value: string | number) => {
      if (!editor) return
      if (
        field === 'title' ||
        field === 'date' ||
        field === 'meetingName' ||
        field === 'speakerOffice' ||
        field === 'speakerName'
      ) {
        metaRef.current = writeFrontMatterField(editor, metaRef.current, field as FrontMatterField, String(value))
      } else {
        metaRef.current = { ...metaRef.current, [field]: value }
        markDirty()
        scheduleAnalysis()
      }
      setMeta(metaRef.current)
    },
    [editor, markDirty, scheduleAnalysis],
  )

  const insertNodes = useCallback(
    (nodes: DocNode[], provenance?: Provenance): boolean => {
      if (!editor || nodes.length === 0) return false
      const { state } = editor
      const $from = state.selection.$from
      const at = $from.depth >= 1 ? $from.after(1) : state.doc.content.size
      try {
        const content = nodes.map(node => state.schema.nodeFromJSON(node))
        editor.view.dispatch(state.tr.insert(at, content).scrollIntoView())
        if (provenance) provenanceRef.current = [...provenanceRef.current, provenance]
        return true
      } catch (error) {
        showError(t('errors.insertFailed', { detail: error instanceof Error ? error.message : String(error) }))
        return false
      }
    },
    [editor, showError, t],
  )

  const viewCommand = useCallback(
    (command: EditorCommand) => {
      if (command === 'find' || command === 'replace') setFindMode(command)
      else if (command === 'toggleOutline') updateView({ outline: !view.outline })
      else if (command === 'toggleChecks') setSideTab(value => (value === 'checks' ? null : 'checks'))
      else if (command === 'zoomIn' || command === 'zoomOut')
        updateView({ zoom: stepZoom(zoom.scale, command === 'zoomIn' ? 1 : -1) })
      else if (command === 'zoomReset') updateView({ zoom: 1 })
      else if (command === 'fitWidth' || command === 'fitPage') updateView({ zoom: command })
      else if (command === 'togglePageView') updateView({ pageView: !view.pageView })
    },
    [setSideTab, updateView, view.outline, view.pageView, zoom.scale],
  )

  // The page view or the draft view (one long sheet), as the user left it.
  useEffect(() => {
    if (editor && (paginationKey.getState(editor.state)?.enabled ?? true) !== view.pageView)
      editor.commands.setPageView(view.pageView)
  }, [editor, view.pageView])

  useImperativeHandle(
    ref,
    () => ({
      save,
      command: viewCommand,
      currentReport: () => (editor ? buildReport(editor) : opened.report),
      currentPath,
      insertNodes,
      jumpTo: jumpToLocation,
      editor: () => editor,
      isDirty,
      discard,
    }),
    [buildReport, currentPath, discard, editor, insertNodes, isDirty, jumpToLocation, opened.report, save, viewCommand],
  )

  const context: EditorContext | null = useMemo(
    () =>
      editor && {
        editor,
        report: () => buildReport(editor),
        path: () => path,
        showError,
        jumpTo: jumpToLocation,
        openSideTab: id => setSideTab(id),
      },
    [buildReport, editor, jumpToLocation, path, setSideTab, showError],
  )

  // The context's functions read refs only when a contribution calls them from a handler or an effect.
  // eslint-disable-next-line react-hooks/refs
  if (!editor || !context) return null
  const extraTab = listSideTabs().find(each => each.id === sideTab)

  return (
    <div className="editor-screen">
      <Toolbar
        editor={editor}
        dirty={dirty}
        extraGroups={listToolbarGroups().map((Group, index) => (
          <Group key={index} {...context} />
        ))}
        onCommand={command => {
          if (command === 'save' || command === 'saveAs') void save(command === 'saveAs')
          else if (command === 'find' || command === 'replace') setFindMode(command)
          else if (command === 'toggleOutline' || command === 'toggleChecks') viewCommand(command)
          else if (command === 'toggleMeta') setSideTab(value => (value === 'meta' ? null : 'meta'))
          else runCommand(command)
        }}
      />
      {findMode && <FindBar editor={editor} mode={findMode} onMode={setFindMode} onClose={() => setFindMode(null)} />}
      <div className="workspace">
        {showOutline && (
          <OutlinePanel
            analysis={analysis}
            scheme={meta.numbering}
            onJump={jumpToTopIndex}
            onInsertMissing={fix}
            onMovePart={(start, end, before) => movePart(editor, start, end, before) && analyse()}
            onDeletePart={(start, end) => deletePart(editor, start, end) && analyse()}
          />
        )}
        <main className="canvas" data-testid="canvas" ref={canvasRef}>
          <style>{printStyle}</style>
          <div className="page-zoom" style={{ width: zoom.width, height: zoom.height }}>
            <div
              ref={pageRef}
              className={view.pageView ? 'page' : 'page draft'}
              data-numbering={meta.numbering}
              data-testid="page-view"
              style={zoom.scale === 1 ? undefined : { transform: `scale(${zoom.scale})` }}
            >
              <PageSheets editor={editor} mirrorMargins={opened.report.layout.mirrorMargins} />
              <EditorContent editor={editor} />
            </div>
          </div>
          {listCanvasAsides().map((Aside, index) => (
            <Aside key={index} {...context} />
          ))}
        </main>
        {sideTab && (
          <aside className="side-panel">
            <div className="side-tabs" role="tablist">
              <button
                type="button"
                role="tab"
                aria-selected={sideTab === 'checks'}
                onClick={() => setSideTab('checks')}
              >
                {t('checks.title')}
              </button>
              <button type="button" role="tab" aria-selected={sideTab === 'meta'} onClick={() => setSideTab('meta')}>
                {t('meta.title')}
              </button>
              {listSideTabs().map(tab => (
                <button
                  key={tab.id}
                  type="button"
                  role="tab"
                  aria-selected={sideTab === tab.id}
                  onClick={() => setSideTab(tab.id)}
                >
                  {tab.label[i18n.language === 'en' ? 'en' : 'zh-CN']}
                </button>
              ))}
            </div>
            {extraTab ? (
              <extraTab.component {...context} />
            ) : sideTab === 'checks' ? (
              <ChecksPanel
                findings={analysis?.findings ?? null}
                checks={checks}
                onJump={jumpToLocation}
                onFix={fix}
                onFixAll={fixAll}
                onChecks={updateChecks}
                locked={locked}
                excerpt={location => findingExcerpt(editor.state.doc, location)}
              />
            ) : (
              <MetadataPanel meta={meta} onChange={updateMeta} />
            )}
          </aside>
        )}
      </div>
      <StatusBar
        editor={editor}
        counts={analysis?.counts ?? null}
        dirty={dirty}
        path={path}
        findings={analysis?.findings ?? null}
        viewControls={
          <ZoomControls zoom={view.zoom} scale={zoom.scale} pageView={view.pageView} onCommand={viewCommand} />
        }
      />
    </div>
  )
}
