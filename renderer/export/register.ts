import { createElement } from 'react'
import type { FindingLocation } from '../../core/checks/finding'
import { registerDialog, type DialogProps } from '../app/extension-points'
import { addExportStrings } from './export-locales'
import { ExportDialog } from './ExportDialog'
import { PrintDialog } from './PrintDialog'

addExportStrings()

/** The shell may offer `jumpTo(location)` (shows a finding's place in the editor). */
type ShellProps = DialogProps & { jumpTo?(location: FindingLocation): void }

registerDialog('export', (props: ShellProps) => createElement(ExportDialog, { report: props.report, onClose: props.onClose, onJump: props.jumpTo }))
registerDialog('exportPdf', (props: ShellProps) => createElement(ExportDialog, { report: props.report, initialFormat: 'pdf', onClose: props.onClose, onJump: props.jumpTo }))
registerDialog('print', (props: ShellProps) => createElement(PrintDialog, { report: props.report, onClose: props.onClose }))
