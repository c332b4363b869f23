import { useTranslation } from 'react-i18next'
import { headingLevelName, headingMarkerExample } from '../../core/commands/heading-level-name'
import type { HeadingLevel } from '../../core/document-model'
import type { NumberingScheme } from '../../core/numbering'

const levels: HeadingLevel[] = [1, 2, 3, 4]

/** Names of heading levels 1–4 after the markers they print: `一级标题` and `一级标题（一、）`. */
export function useHeadingLabels(scheme: NumberingScheme): { short: string; full: string }[] {
  const { t } = useTranslation()
  return levels.map(level => {
    const short = t(`levels.${headingLevelName(scheme, level)}`)
    const marker = headingMarkerExample(scheme, level)
    return { short, full: marker ? t('levels.withMarker', { name: short, marker }) : short }
  })
}
