import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ruleById } from '../../core/checks/all-rules'
import type { Finding, FindingLocation, Severity } from '../../core/checks/finding'
import { lockedRules } from '../../core/checks/gate-rules'
import type { CheckSettings } from '../../core/report-file'
import { DialogFrame } from './DialogFrame'
import type { FindingExcerpt } from './finding-excerpt'
import { useRuleTitle } from './use-rule-title'
import { useFindingMessage } from './use-finding-message'

interface ChecksPanelProps {
  findings: Finding[] | null
  checks: CheckSettings
  onJump(location: Finding['location']): void
  onFix(finding: Finding): void
  onFixAll(findings: Finding[]): void
  onChecks(next: CheckSettings): void
  /** The flagged text in context (the editor's current document), or null. */
  excerpt?: (location: FindingLocation) => FindingExcerpt | null
  /** Rules that cannot be switched off (gate-rules.ts); default: the structure guards. */
  locked?: ReadonlySet<string>
  /** Why a finding's fix may not be applied here (a shared report's part the user may not write), or null. */
  fixRefusal?: (finding: Finding) => string | null
}

const severities: Severity[] = ['error', 'warning', 'info']
/** A rule group lists this many findings, and this many more per 显示更多 (a pasted report can have thousands). */
export const FINDINGS_PAGE = 200

const structureGuards = lockedRules()

interface RuleGroup {
  rule: string
  findings: Finding[]
  /** The findings “全部修正” applies: only for a rule whose fixes are safe in bulk. */
  bulkFixable: Finding[]
}

function groupFindings(findings: Finding[]): Map<Severity, RuleGroup[]> {
  const bySeverity = new Map<Severity, Map<string, RuleGroup>>()
  for (const finding of findings) {
    let rules = bySeverity.get(finding.severity)
    if (!rules) bySeverity.set(finding.severity, (rules = new Map()))
    let group = rules.get(finding.rule)
    if (!group) rules.set(finding.rule, (group = { rule: finding.rule, findings: [], bulkFixable: [] }))
    group.findings.push(finding)
    if (ruleById(finding.rule)?.fixable && finding.fix?.kind === 'replaceText') group.bulkFixable.push(finding)
  }
  return new Map([...bySeverity].map(([severity, rules]) => [severity, [...rules.values()]]))
}

function FixButton({
  finding,
  refusal,
  onFix,
}: {
  finding: Finding
  refusal: string | null
  onFix(finding: Finding): void
}) {
  const { t, i18n } = useTranslation()
  if (refusal)
    return (
      <span className="fix-refused" title={refusal} data-testid="fix-refused">
        {t('checks.fixRefused')}
      </span>
    )
  return (
    <button type="button" className="fix" onClick={() => onFix(finding)}>
      {(i18n.language !== 'en' && finding.fix?.label) || t('checks.fix')}
    </button>
  )
}

function RuleName({ rule }: { rule: string }) {
  const title = useRuleTitle()(rule)
  return (
    <span className="rule-name">
      {title !== rule && <span className="rule-title">{title}</span>}
      <code className="rule-id">{rule}</code>
    </span>
  )
}

/** Invisible or blank flagged characters get a visible stand-in. */
function shownMatch(match: string): string {
  return match.replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '◌').replace(/\s/g, '␣')
}

function Excerpt({ excerpt }: { excerpt: FindingExcerpt | null }) {
  if (!excerpt) return null
  return (
    <span className="excerpt">
      {excerpt.before}
      <mark>{shownMatch(excerpt.match) || '‸'}</mark>
      {excerpt.after}
    </span>
  )
}

/**
 * The question before an error rule is switched off: what the report loses (the 正式稿 export no longer
 * checks it) and where the choice stays visible. Cancel has the focus.
 */
function ConfirmDisable({ rule, onConfirm, onCancel }: { rule: string; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation()
  const title = useRuleTitle()(rule)
  return (
    <DialogFrame
      title={t('checks.confirmDisable.title', { rule: title })}
      description={t('checks.confirmDisable.consequence', { rule: title })}
      onClose={onCancel}
      className="confirm-disable"
      data-testid="confirm-disable"
    >
      <p>{t('checks.confirmDisable.listed')}</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel} autoFocus data-testid="confirm-disable-cancel">
          {t('common.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm} data-testid="confirm-disable-ok">
          {t('checks.confirmDisable.confirm')}
        </button>
      </div>
    </DialogFrame>
  )
}

export function ChecksPanel({
  findings,
  checks,
  onJump,
  onFix,
  onFixAll,
  onChecks,
  excerpt,
  locked = structureGuards,
  fixRefusal = () => null,
}: ChecksPanelProps) {
  const { t } = useTranslation()
  const message = useFindingMessage()
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map())
  const [asking, setAsking] = useState<string | null>(null)
  const groups = useMemo(() => (findings ? groupFindings(findings) : null), [findings])
  if (!findings || !groups) return <div className="checks-panel" data-testid="checks-panel" aria-busy="true" />
  const switchOff = (rule: string) => onChecks({ ...checks, disabled: [...new Set([...checks.disabled, rule])] })
  // An error rule guards the 正式稿 export: switching it off asks first; warnings and notes go at once.
  const disable = (rule: string) => (ruleById(rule)?.severity === 'error' ? setAsking(rule) : switchOff(rule))
  const enable = (rule: string) => onChecks({ ...checks, disabled: checks.disabled.filter(each => each !== rule) })
  const countOf = (severity: Severity) =>
    (groups.get(severity) ?? []).reduce((sum, group) => sum + group.findings.length, 0)

  return (
    <div className="checks-panel" data-testid="checks-panel">
      <p className="summary">
        {findings.length === 0
          ? t('checks.none')
          : t('checks.summary', { errors: countOf('error'), warnings: countOf('warning'), infos: countOf('info') })}
      </p>
      {severities.map(severity => {
        const ruleGroups = groups.get(severity)
        if (!ruleGroups) return null
        return (
          <section key={severity} className={`severity ${severity}`} data-severity={severity}>
            <h3>
              {t(`checks.severity.${severity}`)} <span className="count">{countOf(severity)}</span>
            </h3>
            {ruleGroups.map(({ rule, findings: list, bulkFixable: offered }) => {
              const limit = shown.get(rule) ?? FINDINGS_PAGE
              const bulkFixable = offered.filter(finding => fixRefusal(finding) === null)
              return (
                <div key={rule} className="rule-group" data-rule={rule}>
                  <div className="rule-head">
                    <RuleName rule={rule} />
                    <span className="rule-count">{t('checks.ruleCount', { count: list.length })}</span>
                    {locked.has(rule) ? (
                      <span className="locked" title={t('checks.lockedHint')} data-testid="rule-locked">
                        {t('checks.locked')}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="disable"
                        title={t('checks.disableHint')}
                        onClick={() => disable(rule)}
                      >
                        {t('checks.disable')}
                      </button>
                    )}
                  </div>
                  {bulkFixable.length > 1 && (
                    <button type="button" className="fix-all" onClick={() => onFixAll(bulkFixable)}>
                      {t('checks.fixAll', { count: bulkFixable.length })}
                    </button>
                  )}
                  <ul>
                    {list.slice(0, limit).map((finding, position) => (
                      <li key={position} className="finding" data-rule={finding.rule}>
                        <button type="button" className="message" onClick={() => onJump(finding.location)}>
                          {finding.location.section && <span className="where">{finding.location.section}</span>}
                          {finding.location.footnote !== undefined && (
                            <span className="where footnote">
                              {t('checks.inFootnote', { number: finding.location.footnote })}
                            </span>
                          )}
                          <Excerpt excerpt={excerpt?.(finding.location) ?? null} />
                          {message(finding)}
                        </button>
                        {finding.fix && <FixButton finding={finding} refusal={fixRefusal(finding)} onFix={onFix} />}
                      </li>
                    ))}
                  </ul>
                  {list.length > limit && (
                    <button
                      type="button"
                      className="show-more"
                      onClick={() => setShown(current => new Map(current).set(rule, limit + FINDINGS_PAGE))}
                    >
                      {t('checks.showMore', {
                        count: Math.min(FINDINGS_PAGE, list.length - limit),
                        rest: list.length - limit,
                      })}
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
              <li key={rule} data-rule={rule}>
                <RuleName rule={rule} />
                {locked.has(rule) && <span className="kept">{t('checks.kept')}</span>}
                <button type="button" onClick={() => enable(rule)}>
                  {t('checks.enable')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {asking && (
        <ConfirmDisable
          rule={asking}
          onCancel={() => setAsking(null)}
          onConfirm={() => {
            switchOff(asking)
            setAsking(null)
          }}
        />
      )}
    </div>
  )
}
