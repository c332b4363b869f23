import type { Editor } from '@tiptap/core'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import type { CheckSettings, ReportMeta } from '../../core/report-file'
import type { AnalysisChannel } from './analysis-channel'
import { useAnalysis } from './analysis-channel'
import { ChecksPanel } from './ChecksPanel'
import type { EditorContext } from './extension-points'
import { listSideTabs } from './extension-points'
import { findingExcerpt } from './finding-excerpt'
import { MetadataPanel } from './MetadataPanel'
import { useShell } from './shell-store'

interface SidePanelProps {
  editor: Editor
  context: EditorContext
  analysis: AnalysisChannel
  locked: ReadonlySet<string>
  onFix(finding: Finding): void
  onFixAll(findings: Finding[]): void
  onChecks(checks: CheckSettings): void
  onMeta(field: keyof ReportMeta, value: string | number): void
}

/** 检查 and 报告信息, then the tabs other parts register. */
export function SidePanel({ editor, context, analysis, locked, onFix, onFixAll, onChecks, onMeta }: SidePanelProps) {
  const { t, i18n } = useTranslation()
  const sideTab = useShell(state => state.sideTab)
  const document = useShell(state => state.document)
  if (!sideTab || !document) return null
  const extraTab = listSideTabs().find(tab => tab.id === sideTab)
  const tab = (id: string, label: string) => (
    <button
      key={id}
      type="button"
      role="tab"
      aria-selected={sideTab === id}
      onClick={() => useShell.setState({ sideTab: id })}
    >
      {label}
    </button>
  )
  return (
    <aside className="side-panel">
      <div className="side-tabs" role="tablist">
        {tab('checks', t('checks.title'))}
        {tab('meta', t('meta.title'))}
        {listSideTabs().map(each => tab(each.id, each.label[i18n.language === 'en' ? 'en' : 'zh-CN']))}
      </div>
      {extraTab ? (
        <extraTab.component {...context} />
      ) : sideTab === 'checks' ? (
        <ReportChecks
          analysis={analysis}
          checks={document.checks}
          onJump={context.jumpTo}
          onFix={onFix}
          onFixAll={onFixAll}
          onChecks={onChecks}
          locked={locked}
          excerpt={location => findingExcerpt(editor.state.doc, location)}
        />
      ) : (
        <MetadataPanel meta={document.meta} onChange={onMeta} />
      )}
    </aside>
  )
}

/** The checks panel with the latest result: only it re-renders when a result arrives. */
function ReportChecks({
  analysis,
  ...props
}: Omit<Parameters<typeof ChecksPanel>[0], 'findings'> & { analysis: AnalysisChannel }) {
  const findings = useAnalysis(analysis)?.findings ?? null
  return <ChecksPanel findings={findings} {...props} />
}
