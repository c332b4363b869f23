import type { Editor } from '@tiptap/core'
import type { ComponentType } from 'react'
import { create } from 'zustand'
import type { FindingLocation } from '../../core/checks/finding'
import type { DocNode } from '../../core/document-model'
import type { OpenedReport, RecoverySnapshot } from '../../core/ipc/files-api'
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
  errors: { id: number; message: string }[]
  recoveries: RecoverySnapshot[]
  dialog: ActiveDialog | null
  importChoice: ImportChoice | null
  /** A report waiting while the user answers 保存/不保存 for the open one. */
  pendingOpen: { opened: OpenedReport; recovered: boolean } | null
  findMode: 'find' | 'replace' | null
  showOutline: boolean
  sideTab: string | null
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
