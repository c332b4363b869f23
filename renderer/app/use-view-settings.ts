import { useCallback, useEffect, useState } from 'react'
import { viewSettingsSchema, type ViewSettings } from '../../core/ipc/view-api'

const defaults: ViewSettings = viewSettingsSchema.parse({})
let loaded: ViewSettings | null = null

/** Zoom, page/draft view and panels as the user left them (settings.json through window.api), saved on change. */
export function useViewSettings(): [ViewSettings, (change: Partial<ViewSettings>) => void] {
  const [view, setView] = useState<ViewSettings>(loaded ?? defaults)
  useEffect(() => {
    if (loaded) return
    let live = true
    void window.api.viewSettings().then(
      settings => {
        loaded = settings
        if (live) setView(settings)
      },
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  const update = useCallback((change: Partial<ViewSettings>) => {
    setView(current => {
      const next = { ...current, ...change }
      loaded = next
      void window.api.setViewSettings(next).catch(() => undefined)
      return next
    })
  }, [])
  return [view, update]
}
