// Finds the Electron binary the way node_modules/electron does (ELECTRON_OVERRIDE_DIST_PATH, else
// node_modules/electron/dist/<path.txt>) without its download-on-require, and says what to do when there is none.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const executableName = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }

/** { binary } when one exists, else { reason } (one line, English, for logs). */
export function findElectronBinary(repo, env = process.env) {
  const require = createRequire(path.join(repo, 'package.json'))
  let packageDir
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return { reason: 'the electron package is not installed (npm ci)' }
  }
  const pathFile = path.join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (!relative && !override)
    return { reason: 'node_modules/electron has no downloaded binary (no path.txt); npm could not fetch it' }
  const binary = path.join(
    override || path.join(packageDir, 'dist'),
    relative || executableName[process.platform] || 'electron',
  )
  if (!existsSync(binary)) return { reason: `${binary} does not exist` }
  return { binary }
}

/** The zip name and where @electron/get looks for it in its cache (no network: the same hash it computes). */
export function electronZipInCache(repo, env = process.env) {
  const require = createRequire(path.join(repo, 'package.json'))
  const { version } = require('electron/package.json')
  const platform = process.platform === 'win32' ? 'win32' : process.platform
  const zip = `electron-v${version}-${platform}-${process.arch}.zip`
  const releaseDir = `https://github.com/electron/electron/releases/download/v${version}`
  const hash = createHash('sha256').update(releaseDir).digest('hex')
  const home = os.homedir()
  const cacheRoot =
    env.electron_config_cache ||
    (process.platform === 'win32'
      ? path.join(env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache')
      : process.platform === 'darwin'
        ? path.join(home, 'Library', 'Caches', 'electron')
        : path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron'))
  return { version, zip, cachePath: path.join(cacheRoot, hash, zip) }
}

/** What `npm start` prints when there is no binary: how to start from a downloaded Electron zip, offline. */
export function noElectronMessage(repo, reason) {
  const { version, zip, cachePath } = electronZipInCache(repo)
  return [
    `没有找到 Electron ${version} 程序（${reason}），无法启动。这台电脑不能联网下载时，请用已下载的 ${zip}：`,
    `  1. 解压到任意文件夹，然后运行：ELECTRON_OVERRIDE_DIST_PATH=<解压后的文件夹> npm start`,
    `  2. 或者把 ${zip} 放到 ${cachePath}`,
    `     （设置 electron_config_cache 可换缓存根目录），再运行 node node_modules/electron/install.js，之后 npm start 即可。`,
    `No Electron ${version} binary (${reason}). Offline: unzip ${zip} and run ELECTRON_OVERRIDE_DIST_PATH=<folder> npm start,`,
    `or put the zip at ${cachePath} and run node node_modules/electron/install.js. See README, "Running offline".`,
  ].join('\n')
}
