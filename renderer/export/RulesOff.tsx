import { useTranslation } from 'react-i18next'
import { useRuleTitle } from '../app/use-rule-title'

export interface RulesOffProps {
  /** Rules switched off for the report: this export or print does not check them. */
  rulesOff: readonly string[]
  /** Rules the report lists as off that guard the structure: a final export checks them all the same. */
  rulesKept?: readonly string[]
}

/** The rules switched off for a report, as the export dialog and the print preview list them (nothing when none). */
export function RulesOff({ rulesOff, rulesKept = [] }: RulesOffProps) {
  const { t } = useTranslation('export')
  const title = useRuleTitle()
  const name = (rule: string) => (title(rule) === rule ? rule : `${title(rule)}（${rule}）`)
  if (rulesOff.length === 0 && rulesKept.length === 0) return null
  return (
    <div className="export-rules-off" data-testid="export-rules-off" role="note">
      {rulesOff.length > 0 && (
        <>
          <p>{t('rulesOff.off', { count: rulesOff.length })}</p>
          <ul>
            {rulesOff.map(rule => (
              <li key={rule} data-rule={rule}>
                {name(rule)}
              </li>
            ))}
          </ul>
        </>
      )}
      {rulesKept.length > 0 && (
        <p data-testid="export-rules-kept">{t('rulesOff.kept', { rules: rulesKept.map(name).join('、') })}</p>
      )}
    </div>
  )
}
