// `npm start`: builds with electron-vite and starts the app in Electron. Where there is no Electron binary
// (it could not be downloaded) it says how to start from a downloaded zip instead of electron's own advice to
// run `npx install-electron`, which needs the network too.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary, noElectronMessage } from './electron-binary.mjs'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const found = findElectronBinary(repo)
if (!found.binary) {
  console.error(noElectronMessage(repo, found.reason))
  process.exit(1)
}
const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)
const child = spawn(found.binary, [repo, ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
