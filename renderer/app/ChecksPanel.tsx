import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding, Severity } from '../../core/checks/finding'
import type { CheckSettings } from '../../core/report-file'

interface ChecksPanelProps {
  findings: Finding[] | null
  checks: CheckSettings
  onJump(location: Finding['location']): void
  onFix(finding: Finding): void
  onFixAll(findings: Finding[]): void
  onChecks(next: CheckSettings): void
}

const severities: Severity[] = ['error', 'warning', 'info']
/** A rule group lists this many findings until 显示全部 is pressed (a long report can have hundreds). */
const SHOWN_PER_RULE = 20

export function ChecksPanel({ findings, checks, onJump, onFix, onFixAll, onChecks }: ChecksPanelProps) {
  const { t } = useTranslation()
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  if (!findings) return <div className="checks-panel" data-testid="checks-panel" aria-busy="true" />
  const disable = (rule: string) => onChecks({ ...checks, disabled: [...new Set([...checks.disabled, rule])] })
  const enable = (rule: string) => onChecks({ ...checks, disabled: checks.disabled.filter(each => each !== rule) })

  return (
    <div className="checks-panel" data-testid="checks-panel">
      <p className="summary">
        {findings.length === 0
          ? t('checks.none')
          : t('checks.summary', {
              errors: findings.filter(finding => finding.severity === 'error').length,
              warnings: findings.filter(finding => finding.severity === 'warning').length,
              infos: findings.filter(finding => finding.severity === 'info').length,
            })}
      </p>
      {severities.map(severity => {
        const group = findings.filter(finding => finding.severity === severity)
        if (group.length === 0) return null
        const byRule = new Map<string, Finding[]>()
        for (const finding of group) byRule.set(finding.rule, [...(byRule.get(finding.rule) ?? []), finding])
        return (
          <section key={severity} className={`severity ${severity}`} data-severity={severity}>
            <h3>
              {t(`checks.severity.${severity}`)} <span className="count">{group.length}</span>
            </h3>
            {[...byRule].map(([rule, list]) => {
              const fixable = list.filter(finding => finding.fix?.kind === 'replaceText')
              return (
                <div key={rule} className="rule-group" data-rule={rule}>
                  <div className="rule-head">
                    <code>{rule}</code>
                    {fixable.length > 1 && (
                      <button type="button" className="fix-all" onClick={() => onFixAll(fixable)}>
                        {t('checks.fixAll', { count: fixable.length })}
                      </button>
                    )}
                    <button type="button" className="disable" title={t('checks.disableHint')} onClick={() => disable(rule)}>
                      {t('checks.disable')}
                    </button>
                  </div>
                  <ul>
                    {(expanded.has(rule) ? list : list.slice(0, SHOWN_PER_RULE)).map((finding, position) => (
                      <li key={position} className="finding" data-rule={finding.rule}>
                        <button type="button" className="message" onClick={() => onJump(finding.location)}>
                          {finding.location.section && <span className="where">{finding.location.section}</span>}
                          {finding.message}
                        </button>
                        {finding.fix && (
                          <button type="button" className="fix" onClick={() => onFix(finding)}>
                            {finding.fix.label || t('checks.fix')}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                  {list.length > SHOWN_PER_RULE && !expanded.has(rule) && (
                    <button type="button" className="show-all" onClick={() => setExpanded(current => new Set([...current, rule]))}>
                      {t('checks.showAll', { count: list.length })}
                    </button>
                  )}
                </div>
              )
            })}
          </section>
        )
      })}
      {checks.disabled.length > 0 && (
        <section className="disabled-rules">
          <h3>{t('checks.disabledTitle')}</h3>
          <ul>
            {checks.disabled.map(rule => (
              <li key={rule}>
                <code>{rule}</code>
                <button type="button" onClick={() => enable(rule)}>
                  {t('checks.enable')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
