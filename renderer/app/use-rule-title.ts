import { useTranslation } from 'react-i18next'
import { ruleById } from '../../core/checks/all-rules'
import ruleTitlesEn from '../locales/rule-titles.en.json'

/** Rule titles are zh-CN data in core/; the English UI names them from this list (checked against allRules in a test). */
const englishTitles: Readonly<Record<string, string>> = ruleTitlesEn

/** The rule's title in the UI language (the id for a rule this version does not know). */
export function useRuleTitle(): (rule: string) => string {
  const { i18n } = useTranslation()
  return rule => (i18n.language === 'en' ? englishTitles[rule] : undefined) ?? ruleById(rule)?.title ?? rule
}
