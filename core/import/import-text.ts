import { importBlocks, type ImportOptions, type ImportResult } from './import-blocks'
import { textToBlocks } from './text-to-blocks'

export type { ImportOptions, ImportResult } from './import-blocks'

/** `## 2022年主要工作` lines: a Markdown page saved as .txt (or pasted) is still Markdown. Two headings decide it. */
const atxHeadingLine = /^[ \t]{0,3}#{1,6}[ \t]+\S/gm

function looksLikeMarkdown(text: string): boolean {
  atxHeadingLine.lastIndex = 0
  return atxHeadingLine.exec(text) !== null && atxHeadingLine.exec(text) !== null
}

/**
 * Imports plain text or Markdown (`.md` by file name, `markdown: true`, or `#` heading lines) into one report per
 * report found. The text keeps its punctuation as is (the text checks flag half-width marks); only indentation is stripped.
 */
export function importText(text: string, options: ImportOptions & { markdown?: boolean } = {}): ImportResult {
  const markdown = options.markdown ?? (/\.(md|markdown)$/i.test(options.fileName ?? '') || looksLikeMarkdown(text))
  return importBlocks(textToBlocks(text, { markdown }), options)
}
