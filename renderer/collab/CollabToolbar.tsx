import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorContext } from '../app/extension-points'
import type { ReportFile } from '../../core/report-file'
import { ConnectDialog } from './ConnectDialog'

/** 共享到服务器… in the editor's toolbar. */
export function CollabToolbar(context: EditorContext) {
  const { t } = useTranslation('collab')
  const [report, setReport] = useState<ReportFile | null>(null)
  return (
    <div className="group">
      <button type="button" data-testid="collab-share" onClick={() => setReport(context.report())}>
        {t('share')}
      </button>
      {report && <ConnectDialog mode="share" report={report} onClose={() => setReport(null)} />}
    </div>
  )
}
