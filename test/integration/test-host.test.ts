import { spawn } from 'node:child_process'
import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeMethods } from '../../core/ipc/api'
import { contentSecurityPolicy } from '../../main/content-security-policy'
import type { TestHost } from '../e2e/host/test-host'
import { startTestHost } from '../e2e/host/test-host'
import { launchChromium } from '../e2e/renderer/renderer-harness'

let rendererDir: string
let host: TestHost
let browser: Browser

const newReportOptions = {
  templateId: 'npc',
  planYear: 2024,
  organisation: '××区',
  meetingName: '',
  date: '',
  speakerOffice: '',
  speakerName: '',
  termEnd: false,
}

beforeAll(async () => {
  rendererDir = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-fake-renderer-'))
  await fs.writeFile(
    path.join(rendererDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"><title>host test</title></head><body><p id="status">loaded</p></body></html>`,
  )
  host = await startTestHost({ rendererDir })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await host?.close()
  await fs.rm(rendererDir, { recursive: true, force: true })
  await fs.rm(host.userDataDir, { recursive: true, force: true })
})

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: response.status, json: await response.json() }
}

describe('loopback test host', () => {
  it('serves the renderer with the app CSP and a window.api with exactly the preload keys, backed by the real services', async () => {
    const page = await browser.newPage()
    const response = await page.goto(host.url)
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy)
    expect(await page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())).toEqual(
      [...invokeMethods, 'onEvent'].sort(),
    )
    const templates = await page.evaluate(async () =>
      (await (window as unknown as { api: { listTemplates(): Promise<{ id: string }[]> } }).api.listTemplates()).map(
        template => template.id,
      ),
    )
    expect(templates).toEqual(expect.arrayContaining(['npc', 'cppcc', 'gov', 'summary']))

    const saveTarget = path.join(host.userDataDir, '..', `wrs-host-save-${process.pid}.wrs`)
    await post(`${host.url}test/dialogs`, { save: [saveTarget] })
    const saved = await page.evaluate(async options => {
      const api = (
        window as unknown as {
          api: Record<
            string,
            (...args: unknown[]) => Promise<{ ok: boolean; value: { docId: string; report: unknown; path: string } }>
          >
        }
      ).api
      const created = await api.newReport!(options)
      return api.saveReport!({ docId: created.value.docId, path: null, report: created.value.report, saveAs: false })
    }, newReportOptions)
    expect(saved).toMatchObject({ ok: true, value: { path: saveTarget } })
    expect(JSON.parse(await fs.readFile(saveTarget, 'utf8')).meta.organisation).toBe('××区')
    await fs.rm(saveTarget)
    await page.close()
  })

  it('delivers menu events to window.api.onEvent listeners', async () => {
    const page = await browser.newPage()
    await page.goto(host.url)
    await page.evaluate(() => {
      const events: unknown[] = []
      ;(window as unknown as { events: unknown[] }).events = events
      ;(window as unknown as { api: { onEvent(callback: (event: unknown) => void): () => void } }).api.onEvent(event =>
        events.push(event),
      )
    })
    await expect
      .poll(async () =>
        ((await post(`${host.url}test/menu/find`, {})).json as { listeners: number }).listeners > 0 ? 'ok' : 'no',
      )
      .toBe('ok')
    await page.waitForFunction(() => (window as unknown as { events: unknown[] }).events.length > 0)
    expect(await page.evaluate(() => (window as unknown as { events: unknown[] }).events[0])).toEqual({
      type: 'menu',
      command: 'find',
    })
    await page.close()
  })

  it('validates arguments like the IPC wrapper and refuses paths outside the bundle', async () => {
    expect((await post(`${host.url}api/openReport`, [42])).status).toBe(400)
    expect((await post(`${host.url}api/notAMethod`, [])).status).toBe(404)
    for (const raw of ['/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cetc/passwd', '/../../etc/passwd']) {
      const response = await new Promise<number>((resolve, reject) => {
        import('node:http').then(
          http =>
            http
              .get({ host: '127.0.0.1', port: new URL(host.url).port, path: raw }, res => {
                res.resume()
                resolve(res.statusCode ?? 0)
              })
              .on('error', reject),
          reject,
        )
      })
      expect(response, raw).toBe(404)
    }
  })

  it('runs the close flow: 保存 closes after the save, 取消 keeps the window, 不保存 drops the snapshot', async () => {
    const created = (
      (await post(`${host.url}api/newReport`, [newReportOptions])).json as {
        result: { value: { docId: string; report: unknown } }
      }
    ).result.value
    const { docId, report } = created
    await post(`${host.url}api/setDocumentState`, [{ docId, dirty: true, title: '2024年工作报告' }])
    await post(`${host.url}api/writeRecovery`, [{ docId, path: null, report }])

    await post(`${host.url}test/dialogs`, { confirmClose: ['cancel', 'save', 'discard'] })
    expect((await post(`${host.url}test/close`, {})).json).toEqual({ decision: 'cancel', close: false })

    const target = path.join(host.userDataDir, 'close-flow.wrs')
    const closing = post(`${host.url}test/close`, {})
    // The page would react to the menu 'save' event; here the test saves in its place.
    await expect.poll(() => host.dialogs.shown.filter(dialog => dialog.kind === 'confirmClose').length).toBe(2)
    await post(`${host.url}api/saveReport`, [{ docId, path: target, report, saveAs: false }])
    expect((await closing).json).toEqual({ decision: 'save-then-close', close: true })

    await post(`${host.url}api/setDocumentState`, [{ docId, dirty: true, title: '2024年工作报告' }])
    await post(`${host.url}api/writeRecovery`, [{ docId, path: target, report }])
    expect((await post(`${host.url}test/close`, {})).json).toEqual({ decision: 'close', close: true })
    expect(((await post(`${host.url}api/pendingRecoveries`, [])).json as { result: unknown[] }).result).toEqual([])
  })
})

describe('a host process killed mid-session', () => {
  function startChild(userDataDir: string): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      'test/e2e/host/start-host.ts',
      '--user-data-dir',
      userDataDir,
      '--renderer-dir',
      rendererDir,
    ])
    return new Promise((resolve, reject) => {
      let output = ''
      child.stdout.on('data', chunk => {
        output += chunk
        const line = /WRS_TEST_HOST (\{.*\})/.exec(output)
        if (line) resolve({ child, url: (JSON.parse(line[1]!) as { url: string }).url })
      })
      child.once('exit', code => reject(new Error(`host exited ${code}: ${output}`)))
    })
  }

  it('offers the last recovery snapshot after SIGKILL and a restart on the same user data', async () => {
    const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-kill-host-'))
    const first = await startChild(userDataDir)
    const created = (await post(`${first.url}api/newReport`, [newReportOptions])).json as {
      result: { value: { docId: string; report: { meta: { title: string } } } }
    }
    const { docId, report } = created.result.value
    const typed = { ...report, meta: { ...report.meta, title: '杀进程前输入的标题' } }
    await post(`${first.url}api/setDocumentState`, [{ docId, dirty: true, title: '杀进程前输入的标题' }])
    expect((await post(`${first.url}api/writeRecovery`, [{ docId, path: null, report: typed }])).json).toEqual({
      result: { ok: true, value: true },
    })
    first.child.kill('SIGKILL')
    await new Promise(resolve => first.child.once('exit', resolve))

    const second = await startChild(userDataDir)
    const pending = (await post(`${second.url}api/pendingRecoveries`, [])).json as {
      result: { docId: string; title: string; report: unknown }[]
    }
    expect(pending.result.map(snapshot => [snapshot.docId, snapshot.title])).toEqual([[docId, '杀进程前输入的标题']])
    expect(pending.result[0]!.report).toEqual(typed)
    second.child.kill('SIGTERM')
    await new Promise(resolve => second.child.once('exit', resolve))
    await fs.rm(userDataDir, { recursive: true, force: true })
  })
})
