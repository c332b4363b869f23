import type { Editor } from '@tiptap/core'

/**
 * Pastes the clipboard at the cursor through the editor's own paste path (the paste sanitizer and schema apply):
 * as plain text (paragraphs from lines), or with its formatting when the clipboard holds HTML.
 */
export async function pastePlainText(editor: Editor, plain: boolean): Promise<void> {
  if (!plain && navigator.clipboard.read) {
    for (const item of await navigator.clipboard.read()) {
      if (!item.types.includes('text/html')) continue
      const html = await (await item.getType('text/html')).text()
      editor.view.focus()
      editor.view.pasteHTML(html)
      return
    }
  }
  const text = await navigator.clipboard.readText()
  editor.view.focus()
  editor.view.pasteText(text)
}
