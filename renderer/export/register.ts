import { createElement } from 'react'
import { registerDialog, type DialogProps } from '../app/extension-points'
import { addExportStrings } from './export-locales'
import { ExportDialog } from './ExportDialog'
import { PrintDialog } from './PrintDialog'

addExportStrings()

registerDialog('export', (props: DialogProps) =>
  createElement(ExportDialog, { report: props.report, onClose: props.onClose, onJump: props.jumpTo }),
)
registerDialog('exportPdf', (props: DialogProps) =>
  createElement(ExportDialog, {
    report: props.report,
    initialFormat: 'pdf',
    onClose: props.onClose,
    onJump: props.jumpTo,
  }),
)
registerDialog('print', (props: DialogProps) =>
  createElement(PrintDialog, { report: props.report, onClose: props.onClose, onJump: props.jumpTo }),
)
