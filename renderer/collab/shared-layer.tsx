import { useState, useSyncExternalStore } from 'react'
import { createRoot } from 'react-dom/client'
import type { Member } from '../../core/collab/part-workflow'
import type { CollabConnection } from '../../core/ipc/collab-api'
import { SharedReportScreen } from './SharedReportScreen'

export interface OpenShared {
  connection: CollabConnection
  reportId: string
  member: Member
}

let current: (OpenShared & { key: number }) | null = null
let counter = 0
const listeners = new Set<() => void>()

/** Shows a shared report over the app (until the shell has a place for screens other than the file editor). */
export function openSharedReport(open: OpenShared): void {
  current = { ...open, key: ++counter }
  for (const listener of [...listeners]) listener()
}

function closeSharedReport(): void {
  current = null
  for (const listener of [...listeners]) listener()
}

function SharedLayer() {
  const open = useSyncExternalStore(
    listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => current,
  )
  const [errors, setErrors] = useState<Array<{ id: number; message: string }>>([])
  if (!open) return null
  return (
    <div className="shared-layer">
      {errors.length > 0 && (
        <div className="error-banner" role="alert" data-testid="collab-errors">
          {errors.map(error => (
            <p key={error.id}>
              {error.message}
              <button type="button" onClick={() => setErrors(all => all.filter(each => each.id !== error.id))}>
                ×
              </button>
            </p>
          ))}
        </div>
      )}
      <SharedReportScreen
        key={open.key}
        connection={open.connection}
        reportId={open.reportId}
        member={open.member}
        onClose={closeSharedReport}
        showError={message => setErrors(all => [...all, { id: Date.now() + Math.random(), message }])}
      />
    </div>
  )
}

/** Mounts the layer once, beside the app's root. */
export function mountSharedLayer(): void {
  if (typeof document === 'undefined' || document.getElementById('collab-layer')) return
  const host = document.createElement('div')
  host.id = 'collab-layer'
  document.body.append(host)
  createRoot(host).render(<SharedLayer />)
}
