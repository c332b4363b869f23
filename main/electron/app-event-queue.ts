import type { AppEvent } from '../../core/ipc/api'

export interface AppEventQueue {
  /** Delivers now if the page listens, else keeps the event until it does. */
  send(event: AppEvent): void
  /** The page subscribed to events (it asked for pendingRecoveries in the same commit). */
  pageReady(): void
  /** The page is (re)loading: hold events until it is ready again. */
  pageGone(): void
  /** Retries delivery (after the window was created). */
  flush(): void
}

/**
 * Main → renderer events that wait for a listener: files given on the command line, by a second instance
 * or by macOS before the window exists or while the page loads are kept in order, never dropped.
 */
export function createAppEventQueue(deliverer: () => ((event: AppEvent) => void) | null): AppEventQueue {
  let ready = false
  const queued: AppEvent[] = []
  const flush = (): void => {
    const deliver = deliverer()
    if (!ready || !deliver) return
    for (const event of queued.splice(0)) deliver(event)
  }
  return {
    send(event) {
      queued.push(event)
      flush()
    },
    pageReady() {
      ready = true
      flush()
    },
    pageGone() {
      ready = false
    },
    flush,
  }
}
