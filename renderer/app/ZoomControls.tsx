import { useTranslation } from 'react-i18next'
import type { Zoom } from '../../core/ipc/view-api'
import type { EditorCommand } from './EditorScreen'

interface ZoomControlsProps {
  zoom: Zoom
  scale: number
  pageView: boolean
  onCommand(command: EditorCommand): void
}

/** − 100 % + , fit width, fit page and page/draft view, at the right of the status bar. */
export function ZoomControls({ zoom, scale, pageView, onCommand }: ZoomControlsProps) {
  const { t } = useTranslation()
  const button = (command: EditorCommand, label: string, options: { title?: string; active?: boolean } = {}) => (
    <button
      type="button"
      data-command={command}
      title={options.title ?? label}
      aria-pressed={options.active}
      className={options.active ? 'active' : undefined}
      onMouseDown={event => event.preventDefault()}
      onClick={() => onCommand(command)}
    >
      {label}
    </button>
  )
  return (
    <span className="view-controls" role="group" aria-label={t('view.label')} data-testid="view-controls">
      {button('togglePageView', pageView ? t('view.pageView') : t('view.draftView'), { active: !pageView })}
      {button('fitWidth', t('view.fitWidth'), { active: zoom === 'fitWidth' })}
      {button('fitPage', t('view.fitPage'), { active: zoom === 'fitPage' })}
      {button('zoomOut', '−', { title: `${t('view.zoomOut')} (Ctrl+-)` })}
      {button('zoomReset', `${Math.round(scale * 100)}%`, { title: `${t('view.zoomReset')} (Ctrl+0)` })}
      {button('zoomIn', '+', { title: `${t('view.zoomIn')} (Ctrl+=)` })}
    </span>
  )
}
