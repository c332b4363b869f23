/** The organisation a report is for (`二七区`, `××市`), as titles and meeting names write it. */

/** `××区人民代表大会常务委员会工作报告` → `××区`; `中国人民政治协商会议××市第十四届委员会…` → `××市`; '' when none. */
export function organisationFromTitle(title: string): string {
  const compact = title.replace(/[\s\u3000]+/g, '')
  const cppcc = /^(?:中国人民政治协商会议|政协)(.+?)(?:第[一二三四五六七八九十\d]+届)?委员会/.exec(compact)
  if (cppcc) return cppcc[1]!
  const other = /^(.{1,20}?[省市区县州旗盟])(?:\d{4}年)?(?:人民代表大会|人大|人民政府|政府)/.exec(compact)
  return other?.[1] ?? ''
}

/** `二七区` → `区`, `郑州市` → `市`, `××县` → `县`; `区` when it cannot be told. */
export function organisationLevel(organisation: string): string {
  const match = /(区|县|市|州|旗|盟|省|镇|乡|街道)$/.exec(organisation.trim())
  return match ? match[1]! : '区'
}
