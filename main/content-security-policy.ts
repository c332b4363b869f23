/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol (and the test
 * host) and repeated in renderer/index.html's meta tag. style-src needs 'unsafe-inline' because
 * ProseMirror/TipTap and React set element style attributes; scripts stay 'self' only.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // Shared reports: the editor talks to the office's collaboration server (wrs serve) over WebSocket.
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
