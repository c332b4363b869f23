import { footnote, type DocNode } from '../document-model'

/** Where a note reference points: mammoth (`#footnote-3`, `#endnote-3`) and Word's HTML (`#_ftn3`, `#_edn3`). */
const referenceTarget = /^#(footnote-\d+|endnote-\d+|_ftn\d+|_edn\d+)$/u
/** Links from a note back to its reference (mammoth's `↑`, Word's `[3]` in the note). */
const backLink = /^#(footnote-ref-\d+|endnote-ref-\d+|_ftnref\d+|_ednref\d+)$/u
/** mammoth's note items (`<li id="footnote-3">`). */
const noteId = /^(footnote-\d+|endnote-\d+)$/u
/** Word's HTML note containers (`<div style="mso-element:footnote" id="ftn3">`). */
const wordNoteId = /^(ftn\d+|edn\d+)$/u

/**
 * The footnotes and endnotes of an HTML source (mammoth's output of a DOCX, HTML pasted from Word): a reference
 * becomes a footnote node where it stands (its `[3]` is not text), the note's text, found further on, is put
 * into that node, and the notes' own list is not body text.
 */
export class FootnoteRegistry {
  private readonly nodes = new Map<string, DocNode[]>()
  private readonly texts = new Map<string, string>()

  /** The footnote node for a link to a note (`href`), or undefined when the link is not a note reference. */
  reference(href: string | undefined): DocNode | undefined {
    const key = referenceTarget.exec(href ?? '')?.[1]
    if (!key) return undefined
    const node = footnote(this.texts.get(key) ?? '')
    const list = this.nodes.get(key) ?? []
    list.push(node)
    this.nodes.set(key, list)
    return node
  }

  isBackLink(href: string | undefined): boolean {
    return backLink.test(href ?? '')
  }

  /** The note an element holds (mammoth's `<li id="footnote-3">`, Word's footnote `<div>`), if it is one. */
  noteKey(attribs: Record<string, string> | undefined): string | undefined {
    const id = attribs?.id ?? ''
    if (noteId.test(id)) return id
    if (wordNoteId.test(id) && /mso-element:\s*(foot|end)note/iu.test(attribs?.style ?? '')) return `_${id}`
    return undefined
  }

  /** The note's text, given to every reference to it (before or after this point). */
  note(key: string, text: string): void {
    const clean = text.replace(/[\s\u00a0]+/gu, ' ').trim()
    this.texts.set(key, clean)
    for (const node of this.nodes.get(key) ?? []) node.attrs = { ...node.attrs, text: clean }
  }

  /** References whose note was never found (their nodes keep an empty text). */
  missing(): number {
    let count = 0
    for (const [key, list] of this.nodes) if (!this.texts.get(key)) count += list.length
    return count
  }

  get count(): number {
    let count = 0
    for (const list of this.nodes.values()) count += list.length
    return count
  }
}
