import type { Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { commandSpec, type CommandId } from '../../core/commands/command-table'
import { shortcutText } from '../../core/commands/shortcut'
import type { NumberingScheme } from '../../core/numbering'
import { runCommand, whenHolds } from './command-registry'
import { useShell } from './shell-store'
import { useCommandFacts } from './use-command-facts'
import { useHeadingLabels } from './use-heading-labels'

interface ToolbarProps {
  editor: Editor
  scheme: NumberingScheme
  /** Groups other renderer parts register (extension-points.ts registerToolbarGroup). */
  extraGroups?: ReactNode
}

const headings = ['heading1', 'heading2', 'heading3', 'heading4'] as const

/** Buttons of the command table: labels from `toolbar.<id>`, shortcuts and enabled-when from core/commands. */
export function Toolbar({ editor, scheme, extraGroups }: ToolbarProps) {
  const { t } = useTranslation()
  const dirty = useShell(state => state.document?.dirty ?? false)
  const facts = useCommandFacts(editor)
  const headingLabels = useHeadingLabels(scheme)
  const button = (
    id: CommandId,
    options: { active?: boolean; disabled?: boolean; label?: string; tip?: string } = {},
  ) => {
    const { shortcut, when } = commandSpec(id)
    const label = options.label ?? t(`toolbar.${id}`)
    const tip = options.tip ?? label
    return (
      <button
        type="button"
        data-command={id}
        className={options.active ? 'active' : undefined}
        disabled={options.disabled || !whenHolds(when, facts)}
        aria-pressed={options.active}
        title={shortcut ? `${tip} (${shortcutText(shortcut)})` : tip}
        onMouseDown={event => event.preventDefault()}
        onClick={() => runCommand(id)}
      >
        {label}
      </button>
    )
  }
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="group">
        {button('new')}
        {button('open')}
        {button('save', { label: dirty ? t('toolbar.saveDirty') : t('toolbar.save') })}
        {button('export')}
        {button('print')}
      </div>
      <div className="group">
        {button('undo', { disabled: !facts.canUndo })}
        {button('redo', { disabled: !facts.canRedo })}
      </div>
      <div className="group">
        {button('paragraph', { active: facts.level === 0 && !facts.bullet && !facts.ordered })}
        {headings.map((id, index) =>
          button(id, {
            active: facts.level === index + 1,
            label: headingLabels[index]!.short,
            tip: headingLabels[index]!.full,
          }),
        )}
        {button('runIn', { active: facts.runIn })}
        {button('bold', { active: facts.bold })}
        {button('superscript', { active: facts.superscript })}
        {button('subscript', { active: facts.subscript })}
        {button('bulletList', { active: facts.bullet })}
        {button('orderedList', { active: facts.ordered })}
      </div>
      <div className="group">
        {button('insertTable')}
        {button('insertFootnote')}
      </div>
      {/* Contextual tools sit in a fixed slot, always there and enabled where they apply: the toolbar never grows. */}
      <div className="group context">
        {button('addRow', { disabled: !facts.table })}
        {button('deleteRow', { disabled: !facts.table })}
        {button('addColumn', { disabled: !facts.table })}
        {button('deleteColumn', { disabled: !facts.table })}
        {button('deleteTable', { disabled: !facts.table })}
        {button('confirmReview', { active: facts.review, disabled: !facts.review })}
        {button('confirmAllReview', { disabled: !facts.anyReview })}
      </div>
      {extraGroups}
      <div className="group">
        {button('library')}
        {button('rollForward')}
        {button('collabShare')}
      </div>
      <div className="group end">
        {button('find')}
        {button('replace')}
        {button('toggleOutline')}
        {button('toggleChecks')}
        {button('toggleMeta')}
        {button('language')}
      </div>
    </div>
  )
}
