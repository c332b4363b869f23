import { createElement } from 'react'
import { registerDialog, registerStartPageAction, type DialogProps } from '../app/extension-points'
import { addCollabStrings } from './collab-locales'
import { ConnectDialog } from './ConnectDialog'
import { mountSharedLayer } from './shared-layer'
import './collab.css'

// Drafting together (docs/COLLABORATION.md): shared reports on the office's wrs serve.
addCollabStrings()
registerDialog('collabOpen', (props: DialogProps) =>
  createElement(ConnectDialog, { mode: 'open', report: null, onClose: props.onClose }),
)
registerDialog('collabShare', (props: DialogProps) =>
  createElement(ConnectDialog, { mode: 'share', report: props.report, onClose: props.onClose }),
)
registerStartPageAction({
  id: 'collab-open',
  command: 'collabOpen',
  label: { 'zh-CN': '打开共享报告…', en: 'Open shared report…' },
})
mountSharedLayer()
