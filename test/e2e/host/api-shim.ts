import { invokeMethods } from '../../../core/ipc/api'

/**
 * Source of /test/api-shim.js: defines `window.api` with exactly the preload's keys, calling the
 * host over fetch (POST /api/<method>) and receiving AppEvents over server-sent events.
 * Byte arrays travel as { __wrsBytes: base64 } and are decoded back to Uint8Array.
 */
export function apiShimSource(): string {
  return `(() => {
  'use strict'
  const methods = ${JSON.stringify(invokeMethods)}
  const decode = value => {
    if (Array.isArray(value)) return value.map(decode)
    if (value && typeof value === 'object') {
      if (typeof value.__wrsBytes === 'string') return Uint8Array.from(atob(value.__wrsBytes), c => c.charCodeAt(0))
      const out = {}
      for (const key of Object.keys(value)) out[key] = decode(value[key])
      return out
    }
    return value
  }
  const api = {}
  for (const method of methods) {
    api[method] = async (...args) => {
      const response = await fetch('/api/' + method, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) })
      const body = await response.json()
      if (!response.ok) throw new Error(body && body.error ? body.error : 'host error ' + response.status)
      return decode(body.result)
    }
  }
  const listeners = new Set()
  let source = null
  api.onEvent = callback => {
    const listener = event => callback(event)
    listeners.add(listener)
    if (!source) {
      source = new EventSource('/test/events')
      // Tests wait for this before they send an event: one sent before the stream is open would be lost.
      source.onopen = () => { window.__wrsEventsOpen = true }
      source.onmessage = message => { const event = JSON.parse(message.data); for (const each of listeners) each(event) }
    }
    return () => { listeners.delete(listener) }
  }
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false })
})()
`
}
