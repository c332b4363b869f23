import { useEffect, useRef, useState, type ReactNode } from 'react'

export interface MenuItem {
  id: string
  label: string
  disabled?: boolean
  run(): void
}

/** A toolbar button that opens a short list of actions (Escape or a click elsewhere closes it). */
export function MenuButton({
  id,
  label,
  title,
  items,
}: {
  id: string
  label: ReactNode
  title?: string
  /** The actions, or a function giving them when the menu opens (for lists that cost a pass over the report). */
  items: MenuItem[] | (() => MenuItem[])
}) {
  const [open, setOpen] = useState(false)
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node))
        setOpen(false)
    }
    document.addEventListener('mousedown', close)
    document.addEventListener('keydown', close)
    return () => {
      document.removeEventListener('mousedown', close)
      document.removeEventListener('keydown', close)
    }
  }, [open])
  return (
    <div className="menu-button" ref={ref}>
      <button
        type="button"
        data-command={id}
        aria-haspopup="menu"
        aria-expanded={open}
        title={title}
        onMouseDown={event => event.preventDefault()}
        onClick={() => setOpen(value => !value)}
      >
        {label} ▾
      </button>
      {open && (
        <div className="menu-list" role="menu">
          {(typeof items === 'function' ? items() : items).map(item => (
            <button
              key={item.id}
              type="button"
              role="menuitem"
              data-menu-item={item.id}
              disabled={item.disabled}
              onMouseDown={event => event.preventDefault()}
              onClick={() => {
                setOpen(false)
                item.run()
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
