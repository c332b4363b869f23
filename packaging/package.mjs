// `npm run package[:linux|:win] [-- electron-builder options]`: builds, draws the icons, then runs electron-builder.
// When an Electron distribution is on this machine (ELECTRON_OVERRIDE_DIST_PATH, or the one node_modules/electron
// unpacked) it is passed as electronDist, so packaging needs no download of Electron; without one electron-builder
// downloads it, and this says how to avoid that.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from '../scripts/electron-binary.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const args = process.argv.slice(2)

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run('npx', ['electron-vite', 'build'])
run(process.execPath, [path.join(repo, 'packaging', 'make-icons.mjs')])
const found = findElectronBinary(repo)
const given = args.some(arg => arg.startsWith('-c.electronDist') || arg.startsWith('--config.electronDist'))
// The folder holding the executable (on macOS the one holding Electron.app).
const dist = found.binary
  ? /[\\/]Electron\.app[\\/]/.test(found.binary)
    ? found.binary.replace(/[\\/]Electron\.app[\\/].*$/, '')
    : path.dirname(found.binary)
  : null
if (!given && dist) args.push(`-c.electronDist=${dist}`)
if (!given && !dist)
  console.warn(
    `没有本机的 Electron（${found.reason}），electron-builder 会尝试下载。离线打包：解压 Electron 的 zip，` +
      '再用 ELECTRON_OVERRIDE_DIST_PATH=<解压后的文件夹> npm run package:linux（或加 -- -c.electronDist=<文件夹>）。',
  )
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...args])
