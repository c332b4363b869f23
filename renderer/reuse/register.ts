import i18next from 'i18next'
import { registerDialog, registerEditorExtension, registerStartPageAction } from '../app/extension-points'
import { showNotice } from '../app/shell-store'
import { CompareView } from './CompareView'
import { LibraryPanel } from './LibraryPanel'
import { PasteSanitizer } from './paste-sanitizer'
import { addReuseStrings } from './reuse-locales'
import { RollForwardDialog } from './RollForwardDialog'
import './reuse.css'

addReuseStrings()
registerDialog('rollForward', RollForwardDialog)
registerDialog('library', LibraryPanel)
registerDialog('compare', CompareView)
registerStartPageAction({
  id: 'reuse-roll-forward',
  command: 'rollForward',
  label: { 'zh-CN': '新建下一年报告', en: 'Next year’s report' },
})
registerStartPageAction({
  id: 'reuse-library',
  command: 'library',
  label: { 'zh-CN': '往年报告库', en: 'Report library' },
})
registerEditorExtension(({ scheme }) =>
  PasteSanitizer.configure({
    scheme,
    onImagesLeftOut: (count, textPasted) =>
      showNotice(i18next.t(textPasted ? 'reuse:paste.imagesLeftOut' : 'reuse:paste.onlyImages', { count })),
  }),
)
