import * as Dialog from '@radix-ui/react-dialog'
import type { ComponentPropsWithoutRef, ReactNode } from 'react'

interface DialogFrameProps extends Omit<ComponentPropsWithoutRef<typeof Dialog.Content>, 'title'> {
  title: ReactNode
  description?: ReactNode
  /** Escape, a click outside and Dialog.Close call this. */
  onClose?: () => void
  open?: boolean
  /** A last row with one button of this label that calls onClose. */
  closeLabel?: string
}

/**
 * A Radix dialog in the shell's look: overlay, a box of class `dialog` (plus `className`), title,
 * description, then the dialog's own content. Other props (data-testid, focus and outside-click
 * handlers) go to Dialog.Content.
 */
export function DialogFrame({
  title,
  description,
  onClose,
  open = true,
  closeLabel,
  className,
  children,
  ...content
}: DialogFrameProps) {
  return (
    <Dialog.Root open={open} onOpenChange={next => !next && onClose?.()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className={className ? `dialog ${className}` : 'dialog'} {...content}>
          <Dialog.Title>{title}</Dialog.Title>
          {description !== undefined && <Dialog.Description>{description}</Dialog.Description>}
          {children}
          {closeLabel !== undefined && (
            <div className="dialog-buttons">
              <button type="button" onClick={onClose}>
                {closeLabel}
              </button>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
