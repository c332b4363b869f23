import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { windowTitle } from '../../core/commands/window-title'
import { useShell } from './shell-store'

/** `2025年工作报告.wrs* — 工作报告编写器` in the title bar (main sets the window's title and the menu's language). */
export function useWindowTitle(): void {
  const { t, i18n } = useTranslation()
  const path = useShell(state => (state.showStart ? null : (state.document?.path ?? null)))
  const reportTitle = useShell(state => (state.showStart ? '' : (state.document?.meta.title ?? '')))
  const dirty = useShell(state => !state.showStart && (state.document?.dirty ?? false))
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const untitled = t('app.untitled')
  const hasReport = useShell(state => !state.showStart && state.document !== null)
  const title = windowTitle({
    path,
    reportTitle: hasReport ? reportTitle || untitled : '',
    dirty,
    appName: t('app.name'),
  })
  useEffect(() => {
    document.title = title
    window.api.setWindowState({ title, language }).catch(() => undefined)
  }, [language, title])
}
