/**
 * A WebSocket class for HocuspocusProviderWebsocket that moves to the next server address whenever a connection
 * fails or drops abnormally (1006), so the provider's reconnect reaches another `wrs serve` process of the office.
 */
export function failoverWebSocket(urls: readonly string[]): typeof WebSocket {
  let current = 0
  return class FailoverWebSocket extends WebSocket {
    constructor() {
      super(urls[current % urls.length]!)
      let moved = false
      const moveOn = () => {
        if (moved) return
        moved = true
        current++
      }
      this.addEventListener('close', event => {
        if (event.code === 1006) moveOn()
      })
    }
  } as unknown as typeof WebSocket
}

/** `http(s)://host:port` → `ws(s)://host:port` (the WebSocket of the same `wrs serve`). */
export function webSocketUrl(server: string): string {
  return server.trim().replace(/^http/i, 'ws').replace(/\/+$/, '')
}
