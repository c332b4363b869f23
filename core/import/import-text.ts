import { importBlocks, type ImportOptions, type ImportResult } from './import-blocks'
import { textToBlocks } from './text-to-blocks'

export type { ImportOptions, ImportResult } from './import-blocks'

/**
 * Imports plain text or Markdown (`.md` by file name, or `markdown: true`) into one report per report found.
 * The text keeps its punctuation as is (the text checks flag half-width marks); only indentation is stripped.
 */
export function importText(text: string, options: ImportOptions & { markdown?: boolean } = {}): ImportResult {
  const markdown = options.markdown ?? /\.(md|markdown)$/i.test(options.fileName ?? '')
  return importBlocks(textToBlocks(text, { markdown }), options)
}
