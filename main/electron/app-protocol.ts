import { promises as fs } from 'node:fs'
import path from 'node:path'
import { protocol } from 'electron'
import { contentSecurityPolicy } from '../content-security-policy'
import { mimeTypeOf, resolveBundlePath } from '../resolve-bundle-path'
import { APP_HOST, APP_SCHEME } from './security'

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
}

/**
 * Answers one app:// request from the bundle folder. The raw path is checked before any URL
 * normalisation so `..`, `%2e%2e` and encoded backslashes are refused, never resolved.
 */
export async function appProtocolResponse(root: string, url: string): Promise<Response> {
  const match = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#].*)?$`, 'i').exec(url)
  if (!match) return notFound()
  const file = resolveBundlePath(root, match[1] ?? '/')
  if (!file) return notFound()
  let body: Buffer
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) return notFound()
    body = await fs.readFile(file)
  } catch {
    return notFound()
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'content-type': mimeTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
    },
  })
}

export function handleAppProtocol(root: string): void {
  const bundleRoot = path.resolve(root)
  protocol.handle(APP_SCHEME, request => appProtocolResponse(bundleRoot, request.url))
}
