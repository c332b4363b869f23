import type { Editor } from '@tiptap/core'

/**
 * Pastes the system clipboard (read by main: the page may not read it) at the cursor through the editor's own paste
 * path, so the paste sanitizer and the schema apply: as plain text (paragraphs from lines), or with its formatting
 * when the clipboard holds HTML and `plain` is false.
 */
export async function pastePlainText(editor: Editor, plain: boolean): Promise<void> {
  const { text, html } = await window.api.readClipboard()
  editor.view.focus()
  if (!plain && html) editor.view.pasteHTML(html)
  else if (text) editor.view.pasteText(text)
}
