import type { Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import type { HeadingLevel } from '../../core/document-model'
import { setLanguage } from '../i18n'

interface ToolbarProps {
  editor: Editor
  dirty: boolean
  onCommand(command: string): void
  /** Groups other renderer parts register (extension-points.ts registerToolbarGroup). */
  extraGroups?: ReactNode
}

const levels: HeadingLevel[] = [1, 2, 3, 4]

export function Toolbar({ editor, dirty, onCommand, extraGroups }: ToolbarProps) {
  const { t, i18n } = useTranslation()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      level: current.isActive('heading') ? (current.getAttributes('heading').level as number) : 0,
      runIn: current.isActive('heading', { runIn: true }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      inTable: current.isActive('table'),
      review: current.isActive('needsReview'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const chain = () => editor.chain().focus()
  const button = (
    id: string,
    label: string,
    run: () => void,
    options: { active?: boolean; disabled?: boolean; shortcut?: string } = {},
  ) => (
    <button
      type="button"
      data-command={id}
      className={options.active ? 'active' : undefined}
      disabled={options.disabled}
      aria-pressed={options.active}
      title={options.shortcut ? `${label} (${options.shortcut})` : label}
      onMouseDown={event => event.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  )
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="group">
        {button('new', t('toolbar.new'), () => onCommand('new'), { shortcut: 'Ctrl+N' })}
        {button('open', t('toolbar.open'), () => onCommand('open'), { shortcut: 'Ctrl+O' })}
        {button('save', dirty ? t('toolbar.saveDirty') : t('toolbar.save'), () => onCommand('save'), {
          shortcut: 'Ctrl+S',
        })}
        {button('export', t('toolbar.export'), () => onCommand('export'))}
        {button('print', t('toolbar.print'), () => onCommand('print'), { shortcut: 'Ctrl+P' })}
      </div>
      <div className="group">
        {button('undo', t('toolbar.undo'), () => chain().undo().run(), {
          disabled: !state.canUndo,
          shortcut: 'Ctrl+Z',
        })}
        {button('redo', t('toolbar.redo'), () => chain().redo().run(), {
          disabled: !state.canRedo,
          shortcut: 'Ctrl+Y',
        })}
      </div>
      <div className="group">
        {button('paragraph', t('toolbar.paragraph'), () => chain().setParagraph().run(), {
          active: state.level === 0 && !state.bullet && !state.ordered,
        })}
        {levels.map(level =>
          button(`heading${level}`, t(`toolbar.heading${level}`), () => chain().toggleReportHeading(level).run(), {
            active: state.level === level,
            shortcut: `Ctrl+Alt+${level}`,
          }),
        )}
        {button('runIn', t('toolbar.runIn'), () => chain().toggleRunIn().run(), {
          active: state.runIn,
          disabled: state.level === 0,
          shortcut: 'Ctrl+Alt+R',
        })}
        {button('bold', t('toolbar.bold'), () => chain().toggleBold().run(), {
          active: state.bold,
          shortcut: 'Ctrl+B',
        })}
        {button('bulletList', t('toolbar.bulletList'), () => chain().toggleBulletList().run(), {
          active: state.bullet,
        })}
        {button('orderedList', t('toolbar.orderedList'), () => chain().toggleOrderedList().run(), {
          active: state.ordered,
        })}
      </div>
      <div className="group">
        {button('insertTable', t('toolbar.insertTable'), () =>
          chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
        )}
      </div>
      {/* Contextual tools sit in a fixed slot, always there and enabled where they apply: the toolbar never grows. */}
      <div className="group context">
        {button('addRow', t('toolbar.addRow'), () => chain().addRowAfter().run(), { disabled: !state.inTable })}
        {button('deleteRow', t('toolbar.deleteRow'), () => chain().deleteRow().run(), { disabled: !state.inTable })}
        {button('addColumn', t('toolbar.addColumn'), () => chain().addColumnAfter().run(), {
          disabled: !state.inTable,
        })}
        {button('deleteColumn', t('toolbar.deleteColumn'), () => chain().deleteColumn().run(), {
          disabled: !state.inTable,
        })}
        {button('deleteTable', t('toolbar.deleteTable'), () => chain().deleteTable().run(), {
          disabled: !state.inTable,
        })}
        {button('confirmReview', t('toolbar.confirmReview'), () => chain().confirmReview().run(), {
          active: state.review,
          disabled: !state.review,
        })}
      </div>
      {extraGroups}
      <div className="group end">
        {button('find', t('toolbar.find'), () => onCommand('find'), { shortcut: 'Ctrl+F' })}
        {button('replace', t('toolbar.replace'), () => onCommand('replace'), { shortcut: 'Ctrl+H' })}
        {button('toggleOutline', t('toolbar.outline'), () => onCommand('toggleOutline'))}
        {button('toggleChecks', t('toolbar.checks'), () => onCommand('toggleChecks'))}
        {button('toggleMeta', t('toolbar.meta'), () => onCommand('toggleMeta'))}
        {button('language', t('toolbar.otherLanguage'), () => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en'))}
      </div>
    </div>
  )
}
