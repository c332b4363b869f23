import { useTranslation } from 'react-i18next'
import { commandLabels } from '../../core/commands/command-labels'
import type { CommandId } from '../../core/commands/command-table'
import { runCommand } from './command-registry'
import { useShell } from './shell-store'

/** Page/draft view, fit width, fit page and − 100 % +, at the right of the status bar. */
export function ZoomControls() {
  const { t, i18n } = useTranslation()
  const labels = commandLabels[i18n.language === 'en' ? 'en' : 'zh-CN']
  const zoom = useShell(state => state.view.zoom)
  const pageView = useShell(state => state.view.pageView)
  const scale = useShell(state => state.shownScale)
  const button = (command: CommandId, label: string, options: { title?: string; active?: boolean } = {}) => (
    <button
      type="button"
      data-command={command}
      title={options.title ?? label}
      aria-pressed={options.active}
      className={options.active ? 'active' : undefined}
      onMouseDown={event => event.preventDefault()}
      onClick={() => runCommand(command)}
    >
      {label}
    </button>
  )
  return (
    <span className="view-controls" role="group" aria-label={t('view.label')} data-testid="view-controls">
      {button('togglePageView', pageView ? t('view.pageView') : t('view.draftView'), { active: !pageView })}
      {button('fitWidth', labels.fitWidth, { active: zoom === 'fitWidth' })}
      {button('fitPage', labels.fitPage, { active: zoom === 'fitPage' })}
      {button('zoomOut', '−', { title: `${labels.zoomOut} (Ctrl+-)` })}
      {button('zoomReset', `${Math.round(scale * 100)}%`, { title: `${labels.zoomReset} (Ctrl+0)` })}
      {button('zoomIn', '+', { title: `${labels.zoomIn} (Ctrl+=)` })}
    </span>
  )
}
