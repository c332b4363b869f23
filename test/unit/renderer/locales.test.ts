// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { addExportStrings } from '../../../renderer/export/export-locales'
import i18n from '../../../renderer/i18n'
import en from '../../../renderer/locales/en.json'
import zhCN from '../../../renderer/locales/zh-CN.json'
import ruleTitlesEn from '../../../renderer/locales/rule-titles.en.json'
import ruleMessagesEn from '../../../renderer/locales/rule-messages.en.json'
import { commandLabels } from '../../../core/commands/command-labels'
import { partRoles } from '../../../core/document-model'
import { readdirSync } from 'node:fs'
import { addReuseStrings } from '../../../renderer/reuse/reuse-locales'
import { addReviewStrings } from '../../../renderer/review/review-locales'
import { allRules } from '../../../core/checks/all-rules'

/** Dotted key paths of a resource tree; plural forms (`_one`, `_other`…) count as their base key. */
function keys(tree: object, prefix = ''): string[] {
  const found = new Set<string>()
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix + key.replace(/_(zero|one|two|few|many|other)$/, '')
    if (value && typeof value === 'object') for (const inner of keys(value, `${name}.`)) found.add(inner)
    else found.add(name)
  }
  return [...found].sort()
}

/**
 * Keys whose strings are empty or, in English, still hold Chinese outside parentheses (a string someone forgot to
 * translate; `Final (正式稿)` names the label printed on the page and is fine).
 */
function untranslated(tree: object, language: 'zh-CN' | 'en', prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? untranslated(value, language, `${prefix}${key}.`)
      : String(value).trim() === '' ||
          (language === 'en' && /[\u4e00-\u9fff]/.test(String(value).replace(/\([^)]*\)/g, '')) && value !== '中文')
        ? [prefix + key]
        : [],
  )
}

describe('the zh-CN and en locales', () => {
  it('have the same keys in the shell locale files', () => {
    expect(keys(en)).toEqual(keys(zhCN))
  })

  it('have the same keys in every namespace the dialogs add', () => {
    addExportStrings()
    addReuseStrings()
    addReviewStrings()
    for (const namespace of ['translation', 'export', 'reuse', 'review']) {
      const zh = i18n.getResourceBundle('zh-CN', namespace) as object
      const english = i18n.getResourceBundle('en', namespace) as object
      expect(Object.keys(zh).length, namespace).toBeGreaterThan(0)
      expect(keys(english), namespace).toEqual(keys(zh))
      expect(untranslated(english, 'en'), namespace).toEqual([])
      expect(untranslated(zh, 'zh-CN'), namespace).toEqual([])
    }
  })

  it('name every check rule in English, and only rules that exist', () => {
    expect(Object.keys(ruleTitlesEn).sort()).toEqual(allRules.map(rule => rule.id).sort())
    // Titles may quote the Chinese they are about (“Ellipsis with 等”), but each is an English phrase.
    expect(
      Object.entries(ruleTitlesEn)
        .filter(([, title]) => !/^[A-Z][a-z]/.test(title))
        .map(([id]) => id),
    ).toEqual([])
  })

  it('say what is wrong and what to do for every check rule in English, in sentences', () => {
    expect(Object.keys(ruleMessagesEn).sort()).toEqual(allRules.map(rule => rule.id).sort())
    expect(Object.entries(ruleMessagesEn).filter(([, message]) => !/^[A-Z].*\.$/.test(message))).toEqual([])
  })

  it('name every part role and every built-in template in both languages', () => {
    for (const language of [zhCN, en]) {
      expect(Object.keys(language.roles).sort()).toEqual([...partRoles].sort())
      const builtins = readdirSync('templates')
        .filter(name => name.endsWith('.json'))
        .map(name => name.slice(0, -5))
      expect(Object.keys(language.templateNames).sort()).toEqual(builtins.sort())
      expect(Object.keys(language.templateDescriptions).sort()).toEqual(builtins.sort())
    }
  })

  it('give the native menu and the command table the same keys in zh-CN and English', () => {
    expect(keys(commandLabels.en)).toEqual(keys(commandLabels['zh-CN']))
    expect(untranslated(commandLabels.en, 'en').filter(key => key !== 'language')).toEqual([])
  })
})
