import { useTranslation } from 'react-i18next'
import type { Finding, FindingLocation } from '../../core/checks/finding'
import { useFindingMessage } from '../app/use-finding-message'

/** The errors that keep a 正式稿 from being exported or printed; each jumps to its place when `onJump` is given. */
export function BlockingList({
  findings,
  onJump,
  summary,
}: {
  findings: Finding[]
  onJump?(location: FindingLocation): void
  /** The sentence above the list (default: the export dialog's). */
  summary?: string
}) {
  const { t } = useTranslation('export')
  const message = useFindingMessage()
  return (
    <div className="export-blocking" data-testid="export-blocking">
      <p>{summary ?? t('export.blocking', { count: findings.length })}</p>
      <ul>
        {findings.map((finding, index) => (
          <li key={index}>
            <button type="button" disabled={!onJump} title={t('jump')} onClick={() => onJump?.(finding.location)}>
              {finding.location.section && <span className="where">{finding.location.section}</span>}
              {message(finding)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
