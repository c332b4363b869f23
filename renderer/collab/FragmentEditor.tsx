import { Extension, type Editor } from '@tiptap/core'
import Collaboration, { isChangeOrigin } from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { SharedThread } from '../../core/collab/shared-comments'
import type { NumberingScheme } from '../../core/numbering'
import { Suggestion } from '../editor/extensions/suggestion'
import { reportExtensions } from '../editor/report-extensions'
import { CollabCaret } from './collab-caret'
import { EdgeNavigation } from './edge-navigation'
import { SharedCommentAnchors, sharedCommentsKey } from './shared-comment-anchors'

export interface FragmentEditorProps {
  doc: Y.Doc
  awareness: Awareness | null
  /** The root type this editor binds (`front`, `part:<id>`, `closing`). */
  root: string
  scheme: NumberingScheme
  /** Level-1 parts before this one (its heading's number is this plus one). */
  numberingStart: number
  /** Why this member may not change the root (core writeRefusal), or null. */
  refusal: string | null
  label: string
  /** The comments on this root (drawn as highlighted anchors); `commentsVersion` grows when they change. */
  threads(): readonly SharedThread[]
  commentsVersion: number
  /** Suggestion mode (修订): typing is kept as suggestions signed with `author`. */
  suggesting: boolean
  author: string
  /** Ctrl+Shift+E in this editor: suggestion mode goes on or off in every editor of the report, not this one alone. */
  onToggleSuggesting(): void
  onEdge(root: string, direction: 'next' | 'previous'): boolean
  onEditor(root: string, editor: Editor | null): void
  onRefusedTyping(message: string): void
  onChange(root: string): void
  onFocus(root: string): void
}

/** Keys that would change text: a read-only part answers them with the refusal instead. */
function changesText(event: React.KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return event.key.toLowerCase() === 'v' || event.key === 'x'
  return (
    event.key.length === 1 ||
    event.key === 'Process' ||
    event.key === 'Enter' ||
    event.key === 'Backspace' ||
    event.key === 'Delete'
  )
}

/** Takes Ctrl+Shift+E before the Suggestion extension does (which would switch this one editor only). */
const SharedSuggestingKey = Extension.create<{ onToggle: () => void }>({
  name: 'sharedSuggestingKey',
  priority: 1000,
  addOptions() {
    return { onToggle: () => undefined }
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-e': () => {
        this.options.onToggle()
        return true
      },
    }
  },
})

/** One TipTap editor bound to one root type of the shared report's Y.Doc. */
export function FragmentEditor(props: FragmentEditorProps) {
  const { doc, awareness, root, scheme, numberingStart, refusal } = props
  const handlers = useRef(props)
  useLayoutEffect(() => {
    handlers.current = props
  })
  const editor = useEditor(
    {
      extensions: [
        ...reportExtensions({ scheme, replaceLabel: '替换', collaborative: true, numberingStart }),
        Collaboration.configure({ document: doc, field: root }),
        Suggestion,
        // eslint-disable-next-line react-hooks/refs
        SharedSuggestingKey.configure({ onToggle: () => handlers.current.onToggleSuggesting() }),
        CollabCaret.configure({ awareness, root }),
        // The callback reads the handlers when a key is pressed, never during render.
        // eslint-disable-next-line react-hooks/refs
        EdgeNavigation.configure({ onEdge: direction => handlers.current.onEdge(root, direction) }),
        // eslint-disable-next-line react-hooks/refs
        SharedCommentAnchors.configure({ doc, root, threads: () => handlers.current.threads() }),
      ],
      editable: refusal === null,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: { class: 'report-body collab-body', spellcheck: 'false', 'aria-label': props.label },
      },
      onCreate: ({ editor: created }) => {
        // Suggestions are signed with the member's name (the server's, as signed in).
        created.storage.suggestion.author = handlers.current.author
      },
      onUpdate: ({ transaction }) => {
        // Only this user's own typing (the refusal notice shows the text of the part he last changed).
        if (transaction.docChanged && !isChangeOrigin(transaction)) handlers.current.onChange(root)
      },
    },
    [doc, root, numberingStart, scheme, awareness],
  )
  useEffect(() => {
    if (editor && editor.isEditable !== (refusal === null)) editor.setEditable(refusal === null)
  }, [editor, refusal])
  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    if (editor.storage.suggestion.enabled !== props.suggesting) editor.commands.setSuggesting(props.suggesting)
  }, [editor, props.suggesting])
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(sharedCommentsKey, true))
  }, [editor, props.commentsVersion])
  useEffect(() => {
    props.onEditor(root, editor)
    return () => props.onEditor(root, null)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, root])

  return (
    <section
      className={refusal ? 'collab-root read-only' : 'collab-root'}
      data-root={root}
      data-testid={`collab-root-${root}`}
      tabIndex={refusal ? 0 : undefined}
      onFocus={() => handlers.current.onFocus(root)}
      title={refusal ?? undefined}
      onKeyDown={event => {
        if (refusal && changesText(event)) {
          event.preventDefault()
          handlers.current.onRefusedTyping(refusal)
        }
      }}
      onPaste={event => {
        if (refusal) {
          event.preventDefault()
          handlers.current.onRefusedTyping(refusal)
        }
      }}
    >
      {refusal && (
        <p className="collab-lock" data-testid="collab-lock">
          {refusal}
        </p>
      )}
      <EditorContent editor={editor} />
    </section>
  )
}
