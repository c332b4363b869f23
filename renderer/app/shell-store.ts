import type { Editor } from '@tiptap/core'
import type { ComponentType } from 'react'
import { create } from 'zustand'
import type { FindingLocation } from '../../core/checks/finding'
import type { DocNode } from '../../core/document-model'
import type { OpenedReport, RecoverySnapshot } from '../../core/ipc/files-api'
import { viewSettingsSchema, type ViewSettings } from '../../core/ipc/view-api'
import type { CheckSettings, Provenance, ReportFile, ReportMeta } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import type { DialogProps } from './extension-points'
import type { ImportChoice } from './ImportChoiceDialog'

export interface Session {
  /** Changes whenever a different document is shown, so the editor is rebuilt. */
  key: number
  opened: OpenedReport
  template?: Template
  /** Restored from a recovery snapshot: unsaved from the start. */
  recovered?: boolean
}

/** What the shell asks of the open editor (EditorScreen registers it while mounted). */
export interface EditorHandle {
  save(saveAs: boolean): Promise<void>
  /** Tells main the document is closed without saving (its recovery snapshot goes). */
  discard(): Promise<void>
  currentReport(): ReportFile
  insertNodes(nodes: DocNode[], provenance?: Provenance): boolean
  jumpTo(location: FindingLocation): void
  editor: Editor
}

/** The open report's data the editor document does not hold, and its life on disk. */
export interface OpenDocument {
  path: string | null
  dirty: boolean
  meta: ReportMeta
  checks: CheckSettings
  provenance: Provenance[]
}

export interface ActiveDialog {
  Component: ComponentType<DialogProps>
  /** The report a dialog works on is taken once, when the dialog opens. */
  report: ReportFile | null
  path: string | null
}

export interface ShellState {
  session: Session | null
  document: OpenDocument | null
  handle: EditorHandle | null
  showStart: boolean
  /** Messages at the top of the window: errors, and notices (`tone: 'notice'`) of what was done differently. */
  errors: { id: number; message: string; tone?: 'notice' }[]
  recoveries: RecoverySnapshot[]
  dialog: ActiveDialog | null
  importChoice: ImportChoice | null
  /** A report waiting while the user answers 保存/不保存 for the open one. */
  pendingOpen: { opened: OpenedReport; recovered: boolean } | null
  findMode: 'find' | 'replace' | null
  showOutline: boolean
  sideTab: string | null
  /** Zoom and page/draft view as the user left them (the panels' part is showOutline and sideTab). */
  view: ViewSettings
  /** The zoom factor shown now (a fit zoom's result): zoom in/out step from it. */
  shownScale: number
}

export const useShell = create<ShellState>(() => ({
  session: null,
  document: null,
  handle: null,
  showStart: true,
  errors: [],
  recoveries: [],
  dialog: null,
  importChoice: null,
  pendingOpen: null,
  findMode: null,
  showOutline: true,
  sideTab: 'checks',
  view: viewSettingsSchema.parse({}),
  shownScale: 1,
}))

let sessionCounter = 0

/** Shows a report: a new session (the editor is rebuilt) with its document state. */
export function startSession(opened: OpenedReport, template: Template | undefined, recovered: boolean): void {
  sessionCounter += 1
  const { meta, checks, provenance } = opened.report
  useShell.setState({
    session: { key: sessionCounter, opened, template, recovered },
    document: { path: opened.path, dirty: false, meta, checks, provenance },
    showStart: false,
    findMode: null,
  })
}

export function showError(message: string): void {
  useShell.setState(state => ({ errors: [...state.errors, { id: Date.now() + Math.random(), message }] }))
}

/** A notice in the same place as the errors (what the app did differently, e.g. pictures left out of a paste). */
export function showNotice(message: string): void {
  useShell.setState(state => ({
    errors: [...state.errors, { id: Date.now() + Math.random(), message, tone: 'notice' as const }],
  }))
}

export function dismissError(id: number): void {
  useShell.setState(state => ({ errors: state.errors.filter(error => error.id !== id) }))
}

/** Updates the open document's state (ignored when none is open). */
export function updateDocument(change: Partial<OpenDocument>): void {
  useShell.setState(state => (state.document ? { document: { ...state.document, ...change } } : {}))
}

export function openDocument(): OpenDocument | null {
  return useShell.getState().document
}

export function toggleSideTab(id: string): void {
  useShell.setState(state => ({ sideTab: state.sideTab === id ? null : id }))
}

/** Changes the view settings and saves them for this user (settings.json through window.api). */
export function updateView(change: Partial<ViewSettings>): void {
  const { view, showOutline, sideTab } = useShell.getState()
  const next = { ...view, ...change, outline: showOutline, sidePanel: sideTab !== null }
  useShell.setState({ view: next })
  void window.api.setViewSettings(next).catch(() => undefined)
}
