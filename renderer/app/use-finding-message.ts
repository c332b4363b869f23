import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import ruleMessagesEn from '../locales/rule-messages.en.json'

/**
 * Finding messages are zh-CN sentences made in core/ with the words they are about; the English UI says what is wrong
 * and what to do per rule (the excerpt beside it shows the words), from a list checked against allRules in a test.
 */
const englishMessages: Readonly<Record<string, string>> = ruleMessagesEn

export function useFindingMessage(): (finding: Finding) => string {
  const { i18n } = useTranslation()
  return finding => (i18n.language === 'en' ? englishMessages[finding.rule] : undefined) ?? finding.message
}
