import { Extension } from '@tiptap/core'
import { Fragment, Slice, type ResolvedPos } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { HeadingLevel } from '../../core/document-model'
import type { NumberingScheme } from '../../core/numbering'
import { docNodesToHtml } from '../../core/reuse/doc-nodes-to-html'
import { pastedTextToNodes } from '../../core/reuse/pasted-text-to-nodes'
import { sanitizePastedHtml } from '../../core/reuse/sanitize-pasted-html'
import { headingLevel } from '../../core/report-language/heading-level'

export interface PasteSanitizerOptions {
  /**
   * Numbering scheme of the report (literal `一、` becomes a level-1 heading under 'numbered', level 2 under 'yearParts').
   * @default 'numbered'
   */
  scheme: NumberingScheme
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
 * lists, tables) before the editor reads it, so no style, class, script, handler, link or image gets in. Content
 * copied inside the editor itself (ProseMirror marks it with data-pm-slice) is left to the schema's own parse rules,
 * which keep its guidance nodes and needs-review marks.
 */
export const PasteSanitizer = Extension.create<PasteSanitizerOptions>({
  name: 'pasteSanitizer',

  addOptions() {
    return { scheme: 'numbered' }
  },

  addProseMirrorPlugins() {
    const scheme = this.options.scheme
    return [
      new Plugin({
        key: new PluginKey('pasteSanitizer'),
        props: {
          transformPastedHTML: (html, view) =>
            /data-pm-slice=/u.test(html)
              ? html
              : docNodesToHtml(
                  sanitizePastedHtml(html, { scheme, contextLevel: headingLevelAt(view.state.selection.$from) }),
                ),
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
