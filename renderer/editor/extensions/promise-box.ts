import { Extension } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { EditorView } from '@tiptap/pm/view'
import type { PromiseAttrs } from '../../../core/document-model'
import { promiseOf } from '../../../core/reuse/promise-box'

export type PromiseBoxString = 'label' | 'hint' | 'write' | 'done' | 'doneHint' | 'doneLine' | 'reopen'

/** Translates a `promise.*` UI string (follows the UI language); `year` is the promising report's year. */
export type PromiseBoxTranslate = (key: PromiseBoxString, values: { year: number }) => string

/** The zh-CN strings (the same as renderer/locales/zh-CN.json's `promise`), for editors built without i18next. */
const zhCN: Record<PromiseBoxString, string> = {
  label: '{{year}}年报告承诺',
  hint: '在下面写明这一年围绕这项任务做了哪些工作、取得了哪些成效（用具体数字和事例说明），写好后点“已完成”。本框不会打印。',
  write: '在下面写',
  done: '已完成',
  doneHint: '标为已完成，提示框收起（Ctrl+Z 可撤销）',
  doneLine: '✓ 已对照{{year}}年报告的承诺写完',
  reopen: '撤销',
}

export interface PromiseBoxOptions {
  /** UI strings; default zh-CN. */
  translate: PromiseBoxTranslate
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    promiseBox: {
      /** Marks the promise of the heading at `pos` done (or open again): one undo step. */
      markPromiseDone: (pos: number, done?: boolean) => ReturnType
      /** Puts the cursor under the heading at `pos`: at the end of its section's text, in a new paragraph if it has none. */
      writeUnderPromise: (pos: number) => ReturnType
    }
  }
}

const key = new PluginKey<DecorationSet>('promiseBox')

function button(className: string, label: string, onClick: () => void, title?: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = className
  element.textContent = label
  if (title) element.title = title
  // The editor keeps its selection: the click runs a command instead.
  element.addEventListener('mousedown', event => event.preventDefault())
  element.addEventListener('click', event => {
    event.preventDefault()
    onClick()
  })
  return element
}

/** Position of the heading a widget drawn at `after` (the position right after the heading) belongs to. */
function headingBefore(view: EditorView, after: number | undefined): number | null {
  if (after === undefined) return null
  const node = view.state.doc.resolve(after).nodeBefore
  return node && node.type.name === 'heading' && node.attrs.promise ? after - node.nodeSize : null
}

function boxDom(
  editor: Editor,
  view: EditorView,
  getPos: () => number | undefined,
  promise: PromiseAttrs,
  translate: PromiseBoxTranslate,
): HTMLElement {
  const values = { year: promise.year || new Date().getFullYear() - 1 }
  const box = document.createElement('div')
  box.className = promise.done ? 'promise-box done' : 'promise-box'
  box.contentEditable = 'false'
  box.setAttribute('data-testid', 'promise-box')
  box.setAttribute('data-done', String(promise.done))
  box.setAttribute('role', 'note')
  // The page view shows the box as a chip in the margin: the promise in full on pointing at it.
  box.title = `${translate('label', values)}：“${promise.text}”`
  const run = (action: (pos: number) => void) => () => {
    // Positions move as the user types: find the heading again from the widget's place.
    const pos = headingBefore(view, getPos())
    if (pos !== null) action(pos)
  }
  if (promise.done) {
    const line = document.createElement('span')
    line.className = 'promise-done-line'
    line.textContent = translate('doneLine', values)
    box.append(
      line,
      button(
        'promise-reopen',
        translate('reopen', values),
        run(pos => editor.chain().focus().markPromiseDone(pos, false).run()),
      ),
    )
    return box
  }
  const head = document.createElement('div')
  head.className = 'promise-head'
  const label = document.createElement('span')
  label.className = 'promise-label'
  label.textContent = translate('label', values)
  head.append(
    label,
    button(
      'promise-write',
      translate('write', values),
      run(pos => editor.chain().focus().writeUnderPromise(pos).run()),
    ),
    button(
      'promise-done',
      translate('done', values),
      run(pos => editor.chain().focus().markPromiseDone(pos).run()),
      translate('doneHint', values),
    ),
  )
  const text = document.createElement('div')
  text.className = 'promise-text'
  text.textContent = `“${promise.text}”`
  const hint = document.createElement('div')
  hint.className = 'promise-hint'
  hint.textContent = translate('hint', values)
  box.append(head, text, hint)
  return box
}

function decorations(
  state: EditorState,
  editor: Editor,
  translate: PromiseBoxTranslate,
  language: number,
): DecorationSet {
  const widgets: Decoration[] = []
  state.doc.forEach((node: PmNode, offset: number) => {
    if (node.type.name !== 'heading' || !node.attrs.promise) return
    const promise = promiseOf(node.toJSON())
    if (!promise) return
    const after = offset + node.nodeSize
    widgets.push(
      Decoration.widget(after, (view, getPos) => boxDom(editor, view, getPos, promise, translate), {
        side: -1,
        ignoreSelection: true,
        stopEvent: () => true,
        // Same promise, same state, same language: ProseMirror keeps the DOM it drew.
        key: `promise:${promise.done}:${language}:${promise.year}:${promise.text}`,
      }),
    )
  })
  return DecorationSet.create(state.doc, widgets)
}

/** Asks every promise box to be drawn again (after a language switch): no edit, no undo step. */
export function refreshPromiseBoxes(editor: Editor): void {
  if (editor.isDestroyed) return
  editor.view.dispatch(editor.state.tr.setMeta(key, 'refresh').setMeta('addToHistory', false))
}

function setDone(tr: Transaction, pos: number, done: boolean): boolean {
  const node = tr.doc.nodeAt(pos)
  const promise = node ? promiseOf(node.toJSON()) : null
  if (!node || !promise || promise.done === done) return false
  tr.setNodeMarkup(pos, undefined, { ...node.attrs, promise: { ...promise, done } })
  return true
}

/**
 * Last year's promise above a review section (roll-forward): a box drawn under the heading that carries it
 * (`attrs.promise`), so typing in the section can never erase it and no export prints it. 已完成 folds it to
 * one line (undo or 撤销 opens it again); 在下面写 puts the cursor where the section's text goes.
 */
export const PromiseBox = Extension.create<PromiseBoxOptions>({
  name: 'promiseBox',

  addOptions() {
    return {
      translate: (which, values) => zhCN[which].replace('{{year}}', String(values.year)),
    }
  },

  addCommands() {
    return {
      markPromiseDone:
        (pos, done = true) =>
        ({ tr, dispatch }) => {
          if (!setDone(tr, pos, done)) return false
          dispatch?.(tr)
          return true
        },
      writeUnderPromise:
        pos =>
        ({ state, tr, dispatch }) => {
          const heading = state.doc.nodeAt(pos)
          if (!heading || heading.type.name !== 'heading') return false
          const start = pos + heading.nodeSize
          let end = start
          let lastTextblockEnd: number | null = null
          const $start = state.doc.resolve(start)
          for (let index = $start.index(0); index < state.doc.childCount; index++) {
            const node = state.doc.child(index)
            if (node.type.name === 'heading') break
            if (node.isTextblock) lastTextblockEnd = end + node.nodeSize - 1
            end += node.nodeSize
          }
          if (!dispatch) return true
          if (lastTextblockEnd === null) {
            tr.insert(start, state.schema.nodes.paragraph!.create())
            tr.setSelection(TextSelection.create(tr.doc, start + 1))
          } else {
            tr.setSelection(TextSelection.create(tr.doc, lastTextblockEnd))
          }
          dispatch(tr.scrollIntoView())
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const editor = this.editor
    const translate = this.options.translate
    let language = 0
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorations(state, editor, translate, language),
          apply: (tr, set, _old, state) => {
            if (tr.getMeta(key) === 'refresh') return decorations(state, editor, translate, ++language)
            return tr.docChanged ? decorations(state, editor, translate, language) : set
          },
        },
        props: {
          decorations: state => key.getState(state),
        },
        // Splitting a heading copies its attributes to both halves: the promise stays with the first only.
        appendTransaction: (transactions, _old, state) => {
          if (!transactions.some(tr => tr.docChanged)) return null
          let fix: Transaction | null = null
          let previous: PmNode | null = null
          state.doc.forEach((node, offset) => {
            const twin =
              previous?.attrs.promise &&
              node.type.name === 'heading' &&
              node.attrs.promise &&
              JSON.stringify(previous.attrs.promise) === JSON.stringify(node.attrs.promise)
            if (twin) (fix ??= state.tr).setNodeMarkup(offset, undefined, { ...node.attrs, promise: null })
            previous = node.type.name === 'heading' ? node : null
          })
          return fix
        },
      }),
    ]
  },
})
