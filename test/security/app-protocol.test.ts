import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { electronMock } from './electron-mock'

vi.mock('electron', () => electronMock())

const { appProtocolResponse } = await import('../../main/electron/app-protocol')
const { contentSecurityPolicy } = await import('../../main/content-security-policy')

// “security checklist N”: the items of docs/security-checklist.md.

let base: string
let root: string

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-protocol-'))
  root = path.join(base, 'renderer')
  await fs.mkdir(path.join(root, 'assets'), { recursive: true })
  await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>app</title>')
  await fs.writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  await fs.writeFile(path.join(base, 'secret.txt'), 'secret')
})
afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true })
})

describe('app:// protocol (security checklist 18)', () => {
  it('serves bundle files with the CSP header', async () => {
    const response = await appProtocolResponse(root, 'app://bundle/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('content-type')).toMatch(/text\/html/)
    expect(await response.text()).toContain('<title>app</title>')
    expect((await appProtocolResponse(root, 'app://bundle/assets/app.js?v=1')).status).toBe(200)
    expect((await appProtocolResponse(root, 'app://bundle/')).status).toBe(200)
  })

  it.each([
    'app://bundle/../secret.txt',
    'app://bundle/../../etc/passwd',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/%2e%2e/etc/passwd',
    'app://bundle/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets%5c..%5c..%5csecret.txt',
    'app://bundle/%252e%252e/secret.txt',
    'app://bundle/%00index.html',
    'app://bundle/%E0%A4%A',
    'app://bundle//etc/passwd',
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'file:///etc/passwd',
    'app://bundle/missing.js',
    'app://bundle/assets',
  ])('answers 404 for %s', async url => {
    const response = await appProtocolResponse(root, url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })
})

describe('Content-Security-Policy (security checklist 7)', () => {
  const directives = (policy: string): Map<string, string[]> =>
    new Map(
      policy
        .split(';')
        .map(part => part.trim().split(/\s+/))
        .filter(parts => parts[0])
        .map(([name, ...values]) => [name!, values]),
    )

  it('allows scripts from the bundle only', () => {
    const policy = directives(contentSecurityPolicy)
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|\*|http:/)
  })

  it('matches the meta tag in renderer/index.html', async () => {
    const html = await fs.readFile(path.join(process.cwd(), 'renderer', 'index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)
    expect(meta, 'renderer/index.html has a CSP meta tag').not.toBeNull()
    // frame-ancestors only works as a header (browsers ignore it in a meta tag), so the meta may omit it.
    const header = directives(contentSecurityPolicy)
    header.delete('frame-ancestors')
    const fromMeta = directives(meta![1]!)
    fromMeta.delete('frame-ancestors')
    expect(fromMeta).toEqual(header)
  })
})
