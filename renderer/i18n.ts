import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { commandLabels } from '../core/commands/command-labels'
import en from './locales/en.json'
import zhCN from './locales/zh-CN.json'

export const languages = ['zh-CN', 'en'] as const
export type Language = (typeof languages)[number]

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('wrs.language')

void i18next.use(initReactI18next).init({
  // `commands`: the labels of core/commands/command-table.ts, shared with the native menu.
  resources: {
    'zh-CN': { translation: zhCN, commands: commandLabels['zh-CN'] },
    en: { translation: en, commands: commandLabels.en },
  },
  lng: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
})

export function setLanguage(language: Language): void {
  localStorage.setItem('wrs.language', language)
  void i18next.changeLanguage(language)
  document.documentElement.lang = language
}

export default i18next
