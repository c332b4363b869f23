import type { Clipboard } from 'electron'

/** The clipboard's text and HTML (Electron ≥ 45 reads it asynchronously, as the web's Clipboard API does). */
export async function readElectronClipboard(clipboard: Clipboard): Promise<{ text: string; html: string }> {
  const text = await clipboard.readText()
  for (const item of await clipboard.read()) {
    if (!item.types.includes('text/html')) continue
    const html = await item.getType('text/html')
    return { text, html: html instanceof Blob ? await html.text() : '' }
  }
  return { text, html: '' }
}
