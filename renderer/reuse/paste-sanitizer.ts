import { Extension } from '@tiptap/core'
import { Fragment, Slice, type ResolvedPos } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { HeadingLevel } from '../../core/document-model'
import type { NumberingScheme } from '../../core/numbering'
import { docNodesToHtml } from '../../core/reuse/doc-nodes-to-html'
import { pastedTextToNodes } from '../../core/reuse/pasted-text-to-nodes'
import { readPastedHtml } from '../../core/reuse/sanitize-pasted-html'
import { headingLevel } from '../../core/report-language/heading-level'

export interface PasteSanitizerOptions {
  /**
   * Numbering scheme of the report (literal `一、` becomes a level-1 heading under 'numbered', level 2 under 'yearParts').
   * @default 'numbered'
   */
  scheme: NumberingScheme
  /**
   * Called after a paste that held pictures, which a report cannot hold (docs: DESIGN, import notices): how many were
   * left out and whether any text came in with them, so the shell can say so.
   */
  onImagesLeftOut?: (images: number, textPasted: boolean) => void
}

/** Level of the heading a paste at `$pos` lands under: the top-level heading at or before it. */
function headingLevelAt($pos: ResolvedPos): HeadingLevel | undefined {
  const doc = $pos.doc
  for (let index = Math.min($pos.index(0), doc.childCount - 1); index >= 0; index--) {
    const node = doc.child(index)
    if (node.type.name === 'heading') return headingLevel(node)
  }
  return undefined
}

/**
 * Paste from Word, WPS or a web page: the HTML is reduced to the editor schema in core (headings, paragraphs, bold,
 * lists, tables) before the editor reads it, so no style, class, script, handler, link or image gets in; pictures
 * (in the HTML, or a picture alone on the clipboard) are counted and reported through `onImagesLeftOut`. Content
 * copied inside the editor itself (ProseMirror marks it with data-pm-slice) is left to the schema's own parse rules,
 * which keep its guidance nodes and needs-review marks.
 */
export const PasteSanitizer = Extension.create<PasteSanitizerOptions>({
  name: 'pasteSanitizer',

  addOptions() {
    return { scheme: 'numbered' }
  },

  addProseMirrorPlugins() {
    const { scheme, onImagesLeftOut } = this.options
    return [
      new Plugin({
        key: new PluginKey('pasteSanitizer'),
        props: {
          transformPastedHTML: (html, view) => {
            if (/data-pm-slice=/u.test(html)) return html
            const pasted = readPastedHtml(html, { scheme, contextLevel: headingLevelAt(view.state.selection.$from) })
            if (pasted.images > 0) onImagesLeftOut?.(pasted.images, pasted.nodes.length > 0)
            return docNodesToHtml(pasted.nodes)
          },
          // a picture alone on the clipboard (a screenshot, an image copied from a viewer): nothing to paste
          handlePaste: (_view, event) => {
            const data = event.clipboardData
            if (!data || data.getData('text/html') || data.getData('text/plain')) return false
            const pictures = [...data.items].filter(item => item.kind === 'file' && item.type.startsWith('image/'))
            if (!pictures.length) return false
            onImagesLeftOut?.(pictures.length, false)
            return true
          },
          clipboardTextParser: (text, context, _plain, view) => {
            const nodes = pastedTextToNodes(text, scheme, headingLevelAt(context))
            if (nodes.length === 0) return Slice.empty
            const content = Fragment.fromArray(nodes.map(node => view.state.schema.nodeFromJSON(node)))
            const open = (index: number) => (content.child(index).type.name === 'paragraph' ? 1 : 0)
            return new Slice(content, open(0), open(content.childCount - 1))
          },
        },
      }),
    ]
  },
})
