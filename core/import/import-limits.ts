/**
 * What one import may hold, checked before any structure analysis: a 100-page report has about 650 paragraphs
 * and 200 KB of text (bench/generate-report.ts), so 50,000 paragraphs is some 75 such reports. Past it the work
 * (and the .wrs, which must stay under the 64 MB a report file may have) would grow without a report to show.
 */
export const IMPORT_MAX_PARAGRAPHS = 50_000

export function paragraphLimitMessage(fileName: string, count: number): string {
  return `“${fileName}”有 ${count.toLocaleString('en-US')} 个段落，超过了一次导入 ${IMPORT_MAX_PARAGRAPHS.toLocaleString('en-US')} 个段落的上限，不像是一份工作报告。请把文件拆分成几份后分别导入；原文件未作改动。`
}

/** Non-blank lines: the paragraphs a text or Markdown file can become, counted without splitting the text. */
export function countTextParagraphs(text: string): number {
  let count = 0
  let blank = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0a) {
      if (!blank) count++
      blank = true
    } else if (blank && code !== 0x20 && code !== 0x09 && code !== 0x0d && code !== 0x3000) blank = false
  }
  return blank ? count : count + 1
}
