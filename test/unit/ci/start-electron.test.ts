import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'

// `npm start` where the Electron binary could not be downloaded: a clear zh-CN message that says how to start
// from a downloaded zip (not electron's own `npx install-electron` advice), and nothing is built or started.
describe('npm start without an Electron binary', () => {
  it('explains both offline ways, with the exact cache path @electron/get reads', () => {
    const run = spawnSync(process.execPath, ['scripts/start-electron.mjs'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent/electron-dist',
        electron_config_cache: '/srv/缓存',
      },
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /^没有找到 Electron 45\.\d+\.\d+ 程序（\/nonexistent\/electron-dist\/electron does not exist），无法启动。/,
    )
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=<解压后的文件夹> npm start')
    const version = /Electron (45\.\d+\.\d+)/.exec(run.stderr)![1]!
    const hash = createHash('sha256')
      .update(`https://github.com/electron/electron/releases/download/v${version}`)
      .digest('hex')
    expect(run.stderr).toContain(`/srv/缓存/${hash}/electron-v${version}-${process.platform}-${process.arch}.zip`)
    expect(run.stderr).toContain('node node_modules/electron/install.js')
    expect(run.stderr).not.toContain('npx install-electron')
    expect(run.stdout).toBe('')
  })
})
