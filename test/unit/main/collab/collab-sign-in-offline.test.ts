import { readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createCollabService } from '../../../../main/services/collab-service'
import { createSettingsStore } from '../../../../main/services/settings-store'
import { tempDirs } from '../../../helpers/temp-dirs'

const folders = tempDirs('wrs-collab-sign-in-')
const servers: Server[] = []
afterEach(() => {
  for (const server of servers.splice(0)) server.close()
})

const token = 'wrs_tok_0123456789abcdef0123456789abcdef'

/** A stand-in for wrs serve's /api/me and /api/reports. */
async function fakeServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer((request, response) => {
    response.setHeader('Content-Type', 'application/json')
    if (request.headers.authorization !== `Bearer ${token}`) {
      response.statusCode = 401
      response.end(JSON.stringify({ error: '令牌无效或已被收回。' }))
    } else if (request.url === '/api/me') {
      response.end(JSON.stringify({ id: 'mlisilisi22', name: '李四', offices: ['财经工委'], role: 'editor' }))
    } else {
      response.end(
        JSON.stringify({
          reports: [{ id: 'r-0123456789abcdef01', title: '工作报告', createdBy: '张三', createdAt: '2024-12-01' }],
        }),
      )
    }
  })
  servers.push(server)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise(resolve => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

describe('signing in to a collaboration server that is down', () => {
  it('answers from the last sign-in of the same token and server, keeping no token on disk', async () => {
    const settings = createSettingsStore(folders())
    const collab = createCollabService(settings)
    const server = await fakeServer()
    const online = await collab.collabSignIn({ servers: [server.url], token })
    expect(online).toMatchObject({ ok: true, value: { offline: null, member: { name: '李四' } } })
    expect(readFileSync(settings.file, 'utf8')).not.toContain(token)

    await server.stop()
    const offline = await collab.collabSignIn({ servers: [server.url], token })
    expect(offline.ok).toBe(true)
    if (!offline.ok) return
    expect(offline.value.member).toEqual({ id: 'mlisilisi22', name: '李四', offices: ['财经工委'], role: 'editor' })
    expect(offline.value.reports.map(each => each.id)).toEqual(['r-0123456789abcdef01'])
    expect(offline.value.offline?.problem).toContain(server.url)

    // Another token, or the same token for another server: nothing remembered, the reason is said.
    const stranger = await collab.collabSignIn({ servers: [server.url], token: 'wrs_tok_other' })
    expect(stranger).toMatchObject({ ok: false, code: 'collab-unreachable' })
    expect(!stranger.ok && stranger.message).toContain('本机也没有用这个令牌打开过')
    const elsewhere = await collab.collabSignIn({ servers: ['http://127.0.0.1:1'], token })
    expect(elsewhere.ok).toBe(false)
  })

  it('does not use a sign-in remembered before member ids (comments are signed with the id): sign in online once', async () => {
    const folder = folders()
    const server = await fakeServer()
    const first = createSettingsStore(folder)
    expect((await createCollabService(first).collabSignIn({ servers: [server.url], token })).ok).toBe(true)
    await server.stop()
    // The settings as an earlier version wrote them: the member without an id.
    const text = readFileSync(first.file, 'utf8')
    expect(text).toContain('"id": "mlisilisi22"')
    writeFileSync(first.file, text.replace('"id": "mlisilisi22",', ''))
    const offline = await createCollabService(createSettingsStore(folder)).collabSignIn({
      servers: [server.url],
      token,
    })
    expect(offline).toMatchObject({ ok: false, code: 'collab-unreachable' })
    expect(!offline.ok && offline.message).toContain('无法离线打开')
  })

  it('does not answer from memory when the server is up and refuses the token', async () => {
    const settings = createSettingsStore(folders())
    const collab = createCollabService(settings)
    const server = await fakeServer()
    await collab.collabSignIn({ servers: [server.url], token })
    const refused = await collab.collabSignIn({ servers: [server.url], token: 'wrs_tok_revoked' })
    expect(refused).toMatchObject({ ok: false, code: 'collab-401', message: '令牌无效或已被收回。' })
  })
})
