import path from 'node:path'

/**
 * Maps a URL pathname of the renderer bundle to a file under `root`, or null when it would leave
 * the bundle: `..` segments (also percent-encoded), backslashes, NUL bytes and malformed escapes
 * are refused outright rather than normalised.
 */
export function resolveBundlePath(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const segments = decoded.split('/')
  if (segments.some(segment => segment === '..' || segment === '.')) return null
  const relative = segments.filter(Boolean).join('/') || 'index.html'
  const resolved = path.resolve(root, relative)
  const fromRoot = path.relative(path.resolve(root), resolved)
  if (fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null
  return resolved
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
}

export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream'
}
