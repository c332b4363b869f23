import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { memberRoleNames, type Member } from '../../core/collab/part-workflow'
import type { CollabConnection, CollabSignInAnswer } from '../../core/ipc/collab-api'
import type { ReportFile } from '../../core/report-file'
import { DialogFrame } from '../app/DialogFrame'
import { reportsWithLocalCopy } from './collab-session'
import { openSharedReport } from './shared-layer'

interface ConnectDialogProps {
  mode: 'open' | 'share'
  /** The report to share (share mode). */
  report: ReportFile | null
  onClose(): void
}

/** 打开共享报告… / 共享到服务器…: server addresses and token, then the report to open (or the share). */
export function ConnectDialog({ mode, report, onClose }: ConnectDialogProps) {
  const { t } = useTranslation('collab')
  const [servers, setServers] = useState('')
  const [token, setToken] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [signedIn, setSignedIn] = useState<CollabSignInAnswer | null>(null)

  useEffect(() => {
    void window.api.collabLastServers().then(last => setServers(current => current || last.join('\n')))
  }, [])

  const connection = (): CollabConnection => ({
    servers: servers
      .split(/\s+/)
      .map(each => each.trim())
      .filter(Boolean),
    token: token.trim(),
  })

  const run = async <T,>(work: () => Promise<{ ok: true; value: T } | { ok: false; message: string }>) => {
    setBusy(true)
    setProblem(null)
    try {
      const result = await work()
      if (result.ok) return result.value
      setProblem(result.message)
    } catch {
      setProblem('与应用的连接中断了，请重试。')
    } finally {
      setBusy(false)
    }
    return undefined
  }

  const signIn = async () => {
    const answer = await run(() => window.api.collabSignIn(connection()))
    if (!answer?.offline) return setSignedIn(answer ?? null)
    // The server is unreachable: only the reports with a copy on this computer can be opened (from that copy).
    const held = await reportsWithLocalCopy(
      connection(),
      answer.reports.map(each => each.id),
      answer.member.name,
    ).catch(() => new Set<string>())
    setSignedIn({ ...answer, reports: answer.reports.filter(each => held.has(each.id)) })
  }

  const open = (reportId: string, member: Member | undefined = signedIn?.member) => {
    if (!member) return
    openSharedReport({ connection: connection(), reportId, member })
    onClose()
  }

  const share = async () => {
    if (!report) return setProblem(t('shareNeedsReport'))
    const shared = await run(() => window.api.collabShare(connection(), report))
    if (shared && signedIn) open(shared.id, signedIn.member)
  }

  return (
    <DialogFrame
      title={mode === 'share' ? t('shareTitle') : t('openTitle')}
      description={mode === 'share' ? t('shareDescription') : t('openDescription')}
      onClose={onClose}
      data-testid="collab-connect"
      // The shared report opens over the app: focus must not go back to the button under it (keys typed into the
      // report right after it opened went there).
      onCloseAutoFocus={event => event.preventDefault()}
    >
      <form
        className="collab-connect"
        onSubmit={event => {
          event.preventDefault()
          void signIn()
        }}
      >
        <label>
          {t('servers')}
          <textarea
            name="servers"
            rows={2}
            value={servers}
            onChange={event => setServers(event.target.value)}
            placeholder="https://wrs.example.gov.cn:1234"
          />
        </label>
        <label>
          {t('token')}
          <input name="token" type="password" value={token} onChange={event => setToken(event.target.value)} />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !servers.trim() || !token.trim()}>
            {busy ? t('connecting') : t('connect')}
          </button>
        </div>
      </form>
      {problem && (
        <p className="collab-problem" role="alert">
          {problem}
        </p>
      )}
      {signedIn && (
        <div className="collab-signed-in" data-testid="collab-signed-in">
          <p>
            {t(signedIn.offline ? 'lastSignedInAs' : 'signedInAs', {
              at: signedIn.offline && new Date(signedIn.offline.signedInAt).toLocaleString(),
              name: signedIn.member.name,
              offices: signedIn.member.offices.join('、') || '—',
              role: memberRoleNames[signedIn.member.role],
            })}
          </p>
          {signedIn.offline && (
            <p className="collab-offline" role="status" data-testid="collab-offline">
              {t('offlineSignIn', { problem: signedIn.offline.problem })}
            </p>
          )}
          {mode === 'share' && signedIn.offline ? (
            <p className="hint">{t('shareNeedsServer')}</p>
          ) : mode === 'share' ? (
            <div className="dialog-buttons">
              <button type="button" className="primary" disabled={busy} onClick={() => void share()}>
                {t('shareButton')}
              </button>
            </div>
          ) : signedIn.reports.length === 0 ? (
            <p className="hint">{signedIn.offline ? t('noLocalCopies') : t('noReports')}</p>
          ) : (
            <ul className="choice-list" data-testid="collab-reports">
              {signedIn.reports.map(each => (
                <li key={each.id}>
                  <button type="button" data-report={each.id} onClick={() => open(each.id)}>
                    {each.title} <small>{each.id}</small>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </DialogFrame>
  )
}
