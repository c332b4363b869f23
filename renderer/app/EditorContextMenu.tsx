import * as ContextMenu from '@radix-ui/react-context-menu'
import type { ReactNode } from 'react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { commandSpec, type CommandId } from '../../core/commands/command-table'
import { shortcutText } from '../../core/commands/shortcut'
import type { NumberingScheme } from '../../core/numbering'
import { runCommand, whenHolds } from './command-registry'
import type { ContextMenuItem, EditorContext } from './extension-points'
import { listContextMenuItems } from './extension-points'
import { useCommandFacts } from './use-command-facts'
import { useHeadingLabels } from './use-heading-labels'

interface EditorContextMenuProps {
  context: EditorContext
  scheme: NumberingScheme
  children: ReactNode
}

const clipboard: CommandId[] = ['cut', 'copy', 'paste', 'pastePlain']
const headings: CommandId[] = ['heading1', 'heading2', 'heading3', 'heading4']

/** The right-click menu of the page: clipboard, paragraph and heading levels, then what other parts add. */
export function EditorContextMenu({ context, scheme, children }: EditorContextMenuProps) {
  const { t } = useTranslation()
  const { editor } = context
  const facts = useCommandFacts(editor)
  const headingLabels = useHeadingLabels(scheme)
  const [extra, setExtra] = useState<ContextMenuItem[]>([])

  const item = (id: string, label: string, run: () => void, disabled = false, shortcut?: string) => (
    <ContextMenu.Item key={id} className="menu-item" data-menu-item={id} disabled={disabled} onSelect={run}>
      <span>{label}</span>
      {shortcut && <span className="shortcut">{shortcutText(shortcut)}</span>}
    </ContextMenu.Item>
  )
  const command = (id: CommandId, label = t(`commands:${id}`)) => {
    const { when, shortcut } = commandSpec(id)
    return item(id, label, () => runCommand(id), !whenHolds(when, facts), shortcut)
  }

  return (
    <ContextMenu.Root
      modal={false}
      onOpenChange={open => {
        if (open) setExtra(listContextMenuItems().flatMap(provider => provider(context)))
      }}
    >
      <ContextMenu.Trigger
        asChild
        onContextMenu={event => {
          // A right-click outside the selection moves the cursor there, as in Word.
          const hit = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })
          const { from, to } = editor.state.selection
          if (hit && (hit.pos < from || hit.pos > to || from === to)) editor.commands.setTextSelection(hit.pos)
        }}
      >
        {children}
      </ContextMenu.Trigger>
      <ContextMenu.Portal>
        <ContextMenu.Content
          className="context-menu"
          data-testid="editor-context-menu"
          onCloseAutoFocus={event => {
            event.preventDefault()
            // an entry that opened a dialog (Insert footnote) keeps the focus in it
            if (!document.querySelector('[role="dialog"]')) editor.view.focus()
          }}
        >
          {clipboard.map(id => command(id))}
          <ContextMenu.Separator className="menu-separator" />
          {command('paragraph')}
          {headings.map((id, index) => command(id, headingLabels[index]!.full))}
          {command('runIn')}
          <ContextMenu.Separator className="menu-separator" />
          {command('insertFootnote')}
          {facts.anyReview && command('confirmAllReview')}
          {extra.length > 0 && <ContextMenu.Separator className="menu-separator" />}
          {extra.map(each => item(each.id, each.label, each.run, each.disabled))}
        </ContextMenu.Content>
      </ContextMenu.Portal>
    </ContextMenu.Root>
  )
}
