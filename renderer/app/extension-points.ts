/**
 * Extension points of the renderer shell: other parts of the renderer (renderer/export/*,
 * renderer/reuse/*) plug in here instead of editing the shell.
 *
 * Contract:
 * - A module `renderer/<folder>/register.ts` is imported once at start-up (found by
 *   `import.meta.glob` in contributions.ts, so adding the file is enough) and calls the functions below.
 * - `registerDialog(command, Component)`: the shell renders `<Component {...DialogProps} />` when the
 *   menu command fires (application menu, toolbar or start page action). The component owns its
 *   Radix Dialog and calls `props.onClose()` when done. Commands: 'export', 'print', 'rollForward',
 *   'library', 'compare' (or any other string).
 * - `registerStartPageAction({ id, command, label })`: a button on the start page that opens the
 *   dialog registered for `command` (e.g. 新建下一年报告 → 'rollForward'). `label` is already translated
 *   (`{ 'zh-CN': '…', en: '…' }`).
 * - Dialogs receive the current report (null on the start page), `openReport()` to show a new or
 *   rolled-forward report in the editor, `insertNodes()` to insert doc nodes at the cursor (library
 *   sections), `jumpTo()` to show a finding's place in the editor, `showError()` for the shell's
 *   non-blocking banner and `liveEditor()` for a pane that edits the open report itself.
 * - `registerEditorExtension(factory)`: extra TipTap extensions (e.g. a paste handler) added to every
 *   editor after the report's own; the factory gets the report's numbering scheme.
 * - `registerReportBinding(binding)`: report data an extension keeps in the editor (e.g. review data in the
 *   document's attrs): `open` adds it to the document the editor opens, `read` puts it back into the report the
 *   editor builds (for saving, checks and exports).
 * - `registerToolbarGroup`, `registerCanvasAside`, `registerSideTab`: components the editor screen renders in the
 *   toolbar, beside the page inside the scrolling canvas, and as a tab of the side panel. They get an
 *   `EditorContext` (the live editor, the report as it is now, the banner, jumping, opening a side tab).
 * - `registerContextMenuItems(provider)`: entries of the editor's right-click menu after the shell's own (cut, copy,
 *   paste, heading levels); the provider is asked each time the menu opens, with the cursor already at the click.
 */
import type { AnyExtension, Editor } from '@tiptap/core'
import type { ComponentType } from 'react'
import type { FindingLocation } from '../../core/checks/finding'
import type { DocNode } from '../../core/document-model'
import type { OpenedReport } from '../../core/ipc/files-api'
import type { NumberingScheme } from '../../core/numbering'
import type { Provenance, ReportFile } from '../../core/report-file'

export interface DialogProps {
  onClose(): void
  /** The report in the editor as it is now (null when no report is open). */
  report: ReportFile | null
  /** Path of the open report (null when never saved or none open). */
  path: string | null
  /** Opens a report in the editor (replaces the start page or the current report). */
  openReport(opened: OpenedReport): void
  /**
   * Inserts nodes after the block holding the cursor, as one undo step. False when no report is open.
   * `provenance` (library sections) is recorded in the report's provenance.
   */
  insertNodes(nodes: DocNode[], provenance?: Provenance): boolean
  /** Selects and scrolls to a finding's location in the open report (no-op without one). */
  jumpTo(location: FindingLocation): void
  /** Shows a zh-CN message in the error banner. */
  showError(message: string): void
  /**
   * The editor of the open report (null when none is open): a dialog may bind a pane to the real document
   * (与去年对照 edits this year's section in place). Changes made through it are ordinary editor transactions.
   */
  liveEditor(): Editor | null
}

export type EditorExtensionFactory = (context: { scheme: NumberingScheme }) => AnyExtension

export interface ReportBinding {
  open(doc: DocNode, report: ReportFile): DocNode
  read(report: ReportFile): ReportFile
}

/** What editor-screen contributions get from the shell. */
export interface EditorContext {
  editor: Editor
  /** The report as it is now (meta, document, review data…). */
  report(): ReportFile
  /** Path of the report file (null when never saved). */
  path(): string | null
  showError(message: string): void
  jumpTo(location: FindingLocation): void
  /** Shows a side panel tab (a registered one's id, or 'checks' / 'meta'). */
  openSideTab(id: string): void
}

export interface SideTab {
  id: string
  label: { 'zh-CN': string; en: string }
  component: ComponentType<EditorContext>
}

export interface StartPageAction {
  id: string
  command: string
  label: { 'zh-CN': string; en: string }
}

/** An entry of the editor's right-click menu; `label` is already translated. */
export interface ContextMenuItem {
  id: string
  label: string
  run(): void
  disabled?: boolean
}

export type ContextMenuItems = (context: EditorContext) => ContextMenuItem[]

const contextMenuItems: ContextMenuItems[] = []

export function registerContextMenuItems(provider: ContextMenuItems): void {
  if (!contextMenuItems.includes(provider)) contextMenuItems.push(provider)
}

export function listContextMenuItems(): readonly ContextMenuItems[] {
  return contextMenuItems
}

const dialogs = new Map<string, ComponentType<DialogProps>>()
const reportBindings: ReportBinding[] = []
const toolbarGroups: Array<ComponentType<EditorContext>> = []
const canvasAsides: Array<ComponentType<EditorContext>> = []
const sideTabs: SideTab[] = []
const editorExtensions: EditorExtensionFactory[] = []
const startPageActions: StartPageAction[] = []

export function registerDialog(command: string, component: ComponentType<DialogProps>): void {
  dialogs.set(command, component)
}

export function dialogFor(command: string): ComponentType<DialogProps> | undefined {
  return dialogs.get(command)
}

export function registerStartPageAction(action: StartPageAction): void {
  if (!startPageActions.some(existing => existing.id === action.id)) startPageActions.push(action)
}

export function listStartPageActions(): readonly StartPageAction[] {
  return startPageActions
}

export function registerEditorExtension(factory: EditorExtensionFactory): void {
  if (!editorExtensions.includes(factory)) editorExtensions.push(factory)
}

export function listEditorExtensions(): readonly EditorExtensionFactory[] {
  return editorExtensions
}

export function registerReportBinding(binding: ReportBinding): void {
  if (!reportBindings.includes(binding)) reportBindings.push(binding)
}

/** The document to open with every binding's data added. */
export function openWithBindings(doc: DocNode, report: ReportFile): DocNode {
  return reportBindings.reduce((current, binding) => binding.open(current, report), doc)
}

/** The report with every binding's data read back from its document. */
export function readWithBindings(report: ReportFile): ReportFile {
  return reportBindings.reduce((current, binding) => binding.read(current), report)
}

export function registerToolbarGroup(component: ComponentType<EditorContext>): void {
  if (!toolbarGroups.includes(component)) toolbarGroups.push(component)
}

export function listToolbarGroups(): ReadonlyArray<ComponentType<EditorContext>> {
  return toolbarGroups
}

export function registerCanvasAside(component: ComponentType<EditorContext>): void {
  if (!canvasAsides.includes(component)) canvasAsides.push(component)
}

export function listCanvasAsides(): ReadonlyArray<ComponentType<EditorContext>> {
  return canvasAsides
}

export function registerSideTab(tab: SideTab): void {
  if (!sideTabs.some(existing => existing.id === tab.id)) sideTabs.push(tab)
}

export function listSideTabs(): readonly SideTab[] {
  return sideTabs
}
