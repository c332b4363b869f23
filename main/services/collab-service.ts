import { createHash } from 'node:crypto'
import type { CollabApi, CollabConnection, SharedPart, SharedReportSummary } from '../../core/ipc/collab-api'
import type { Member } from '../../core/collab/part-workflow'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import { serializeReportFile, type ReportFile } from '../../core/report-file'
import { ServerUnreachable, serverRequest, type ServerAnswer } from '../collab/client/server-request'
import type { CollabSignIn, SettingsStore } from './settings-store'

/** Remembered sign-ins kept (one per token). */
const MAX_SIGN_INS = 20

/**
 * How a remembered sign-in recognises its token: a digest with its own prefix, so the settings file holds neither
 * the token nor the digest the server stores (collab-store.ts hashToken).
 */
export function offlineKey(token: string): string {
  return createHash('sha256').update('wrs-offline-sign-in\0').update(token, 'utf8').digest('hex')
}

/** The origin of a server address as typed (`http(s)://host:port`), or a zh-CN sentence saying what is wrong. */
export function serverOrigin(address: string): string | { error: string } {
  let url: URL
  try {
    url = new URL(address.trim())
  } catch {
    return { error: `服务器地址“${address}”不是有效的网址，应写成 http://主机:端口 或 https://主机:端口。` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { error: `服务器地址“${address}”应以 http:// 或 https:// 开头。` }
  return url.origin
}

/**
 * The collaboration server's HTTP API for the editor (the same requests the `wrs` commands send): each request goes
 * to the first server address that answers, so a stopped process is skipped like the editor's WebSocket skips it.
 */
export function createCollabService(settings: SettingsStore): CollabApi {
  async function request(
    connection: CollabConnection,
    method: 'GET' | 'POST',
    path: string,
    body?: string,
  ): Promise<IpcResult<{ answer: ServerAnswer; server: string }>> {
    let lastProblem = '没有填写协作服务器的地址。'
    for (const address of connection.servers) {
      const origin = serverOrigin(address)
      if (typeof origin !== 'string') return fail('collab-address', origin.error)
      try {
        const answer = await serverRequest(origin, connection.token, method, path, body)
        if (answer.status >= 400) {
          const message =
            typeof answer.body.error === 'string' ? answer.body.error : `服务器拒绝了请求（HTTP ${answer.status}）。`
          return fail(`collab-${answer.status}`, message)
        }
        return ok({ answer, server: origin })
      } catch (error) {
        if (!(error instanceof ServerUnreachable)) throw error
        lastProblem = error.message
      }
    }
    return fail('collab-unreachable', lastProblem)
  }

  const parts = (answer: ServerAnswer) => answer.body.parts as SharedPart[]

  async function signInOnline(
    connection: CollabConnection,
  ): Promise<IpcResult<{ member: Member; reports: SharedReportSummary[]; server: string }>> {
    const me = await request(connection, 'GET', '/api/me')
    if (!me.ok) return me
    const list = await request(connection, 'GET', '/api/reports')
    if (!list.ok) return list
    return ok({
      member: me.value.answer.body as unknown as Member,
      reports: list.value.answer.body.reports as SharedReportSummary[],
      server: me.value.server,
    })
  }

  return {
    async collabSignIn(connection) {
      const servers = connection.servers.map(serverOrigin).filter((each): each is string => typeof each === 'string')
      const key = offlineKey(connection.token)
      const answered = await signInOnline(connection)
      if (!answered.ok) {
        if (answered.code !== 'collab-unreachable') return answered
        // No address answers: the last answer to this token on this computer, for the local copies.
        const remembered = (await settings.load()).collabSignIns.find(
          each => each.key === key && each.servers.some(server => servers.includes(server)),
        )
        // A sign-in remembered before member ids (no id) cannot sign comments offline: sign in online once.
        if (!remembered?.member.id) {
          return fail(
            'collab-unreachable',
            `${answered.message}本机也没有用这个令牌打开过这台服务器上的共享报告，无法离线打开；请在服务器恢复后再连接。`,
          )
        }
        return ok({
          member: remembered.member,
          reports: remembered.reports,
          server: '',
          offline: { problem: answered.message, signedInAt: remembered.at },
        })
      }
      const { member, reports } = answered.value
      const signIn: CollabSignIn = {
        servers,
        key,
        member: { id: member.id, name: member.name, offices: [...member.offices], role: member.role },
        reports: reports.map(({ id, title, createdBy, createdAt }) => ({ id, title, createdBy, createdAt })),
        at: new Date().toISOString(),
      }
      await settings
        .update(current => ({
          ...current,
          collabServers: servers,
          collabSignIns: [signIn, ...current.collabSignIns.filter(each => each.key !== key)].slice(0, MAX_SIGN_INS),
        }))
        .catch(() => undefined)
      return ok({ ...answered.value, offline: null })
    },
    async collabShare(connection, report) {
      const shared = await request(connection, 'POST', '/api/reports', serializeReportFile(report as ReportFile))
      if (!shared.ok) return shared
      const body = shared.value.answer.body
      return ok({ id: String(body.id), title: String(body.title) })
    },
    async collabParts(connection, reportId) {
      const answer = await request(connection, 'GET', `/api/reports/${reportId}/parts`)
      return answer.ok ? ok(parts(answer.value.answer)) : answer
    },
    async collabAssign(connection, reportId, n, office, due) {
      const body = JSON.stringify({ office, due })
      const answer = await request(connection, 'POST', `/api/reports/${reportId}/parts/${n}/assign`, body)
      return answer.ok ? ok(parts(answer.value.answer)) : answer
    },
    async collabSetStatus(connection, reportId, n, status) {
      const body = JSON.stringify({ status })
      const answer = await request(connection, 'POST', `/api/reports/${reportId}/parts/${n}/status`, body)
      return answer.ok ? ok(parts(answer.value.answer)) : answer
    },
    async collabLastServers() {
      return (await settings.load()).collabServers
    },
  }
}
