/** IPC channel of an Api method: one prefix, checked by the main-side handle() wrapper. */
export function channelOf(method: string): string {
  return `wrs:${method}`
}

/** Channel for main → renderer events (menu commands, recovery offers…). */
export const EVENT_CHANNEL = 'wrs:event'
