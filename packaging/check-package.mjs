// Builds the packages with electron-builder against a stand-in Electron distribution (electronDist) — what this
// machine allows without the real binary — and checks what a user would install:
// - Linux folder (`dir`): app.asar holds only out/main, out/preload, out/renderer and package.json, under 25 MB;
//   the main bundle loads from the extracted asar with no node_modules in reach (a stub stands in for `electron`);
//   the fuses of electron-builder.yml are flipped in the executable.
// - .deb: built by electron-builder with packaging/fpm-stand-in.mjs in place of fpm (not installed here; it
//   assembles the same package with dpkg-deb), then read back: Depends / Recommends, maintainer e-mail, homepage,
//   the fontconfig aliases, icons, the .wrs MIME type, and the .desktop entry (Exec … %F, MimeType).
// - Windows: the `win-unpacked` folder (app.asar, fuses) and the NSIS settings (per-machine, so the .wrs
//   association registers; icons present).
// What it cannot check here: that the real Electron starts the packaged app; the AppImage and the NSIS installer
// (electron-builder downloads appimagetool, makensis and rcedit); the real fpm.
// Usage: node packaging/check-package.mjs [--no-build] [--json <file>]
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '..')
const require = createRequire(path.join(repo, 'package.json'))
const args = process.argv.slice(2)
const jsonOut = args.includes('--json') ? path.resolve(args[args.indexOf('--json') + 1]) : null
const work = path.join(repo, '.tmp', 'package-check')
const asarLimit = 25 * 1024 * 1024
const electronVersion = require('electron/package.json').version
const failures = []
const facts = {}

function check(condition, message) {
  if (!condition) failures.push(message)
  return condition
}

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { cwd: repo, stdio: 'inherit' })
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited with ${result.status}`)
}

/** A stand-in for electron's executable: a shell script that carries the fuse wire @electron/fuses edits. */
function standInDist(platform) {
  const dist = path.join(work, `stand-in-electron-${platform}`)
  rmSync(dist, { recursive: true, force: true })
  mkdirSync(path.join(dist, 'resources'), { recursive: true })
  const sentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off,
  // only-load-from-asar off, browser V8 snapshot off, file: privileges on.
  const wire = Buffer.concat([Buffer.from(sentinel), Buffer.from([1, 8]), Buffer.from('10110001')])
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "stand-in for the Electron binary (packaging/check-package.mjs)" >&2\nexit 1\n# '),
    wire,
    Buffer.from('\n'),
  ])
  const binary = path.join(dist, platform === 'win32' ? 'electron.exe' : 'electron')
  writeFileSync(binary, platform === 'win32' ? standInExe(wire) : script)
  chmodSync(binary, 0o755)
  writeFileSync(path.join(dist, 'version'), electronVersion)
  writeFileSync(path.join(dist, 'LICENSE'), 'stand-in\n')
  if (platform === 'linux') writeFileSync(path.join(dist, 'chrome-sandbox'), '')
  return dist
}

/**
 * A minimal Windows executable with what electron-builder edits: a version resource (it adds the asar integrity
 * resource next to it) and the fuse wire (kept in an RCDATA resource so it survives that edit).
 */
function standInExe(wire) {
  const { NtExecutable, NtExecutableResource, Resource } = require('resedit')
  const executable = NtExecutable.createEmpty(false, false)
  const resource = NtExecutableResource.from(executable)
  const version = Resource.VersionInfo.createEmpty()
  version.lang = 1033
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'stand-in', FileVersion: electronVersion })
  version.outputToResourceEntries(resource.entries)
  resource.entries.push({ type: 10, id: 'FUSES', lang: 1033, codepage: 1200, bin: wire })
  resource.outputResource(executable)
  return Buffer.from(executable.generate())
}

async function fuseStates(binary) {
  const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses')
  const wire = await getCurrentFuseWire(binary)
  const names = Object.keys(FuseV1Options).filter(key => Number.isNaN(Number(key)))
  return Object.fromEntries(
    names.map(name => [name, { 48: false, 49: true }[wire[FuseV1Options[name]]] ?? wire[FuseV1Options[name]]]),
  )
}

/** Extracts app.asar outside the repository and imports the main bundle with a stub `electron`. */
async function loadMainBundle(asarFile) {
  const asar = require('@electron/asar')
  const target = path.join(os.tmpdir(), `wrs-asar-${process.pid}`)
  rmSync(target, { recursive: true, force: true })
  asar.extractAll(asarFile, target)
  const stub = path.join(target, 'electron-stub.mjs')
  writeFileSync(
    stub,
    [
      'const noop = () => undefined',
      'const app = { setPath: noop, getPath: () => "", requestSingleInstanceLock: () => true, on: noop, whenReady: () => new Promise(noop), quit: noop, isPackaged: true }',
      'export { app }',
      'export const protocol = { registerSchemesAsPrivileged: noop, handle: noop }',
      'export const session = { defaultSession: {} }',
      'export const ipcMain = { handle: noop }',
      'export const Menu = { setApplicationMenu: noop, buildFromTemplate: template => template }',
      'export const screen = { getAllDisplays: () => [] }',
      'export const dialog = {}',
      'export const shell = {}',
      'export const clipboard = {}',
      'export class BrowserWindow {}',
      'export default { app, protocol, session, ipcMain, Menu, screen, dialog, shell, BrowserWindow }',
    ].join('\n'),
  )
  const hooks = path.join(target, 'electron-hooks.mjs')
  writeFileSync(
    hooks,
    `export async function resolve(specifier, context, next) {\n  if (specifier === 'electron') return { url: ${JSON.stringify(pathToFileURL(stub).href)}, shortCircuit: true }\n  return next(specifier, context)\n}\n`,
  )
  const register = path.join(target, 'register.mjs')
  writeFileSync(
    register,
    `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`,
  )
  const probe = spawnSync(
    process.execPath,
    [
      '--import',
      pathToFileURL(register).href,
      '--input-type=module',
      '-e',
      `await import('./out/main/index.js'); console.log('main bundle loaded')`,
    ],
    {
      cwd: target,
      encoding: 'utf8',
      env: { ...process.env, WRS_USER_DATA_DIR: path.join(target, 'user-data') },
      timeout: 60_000,
    },
  )
  rmSync(target, { recursive: true, force: true })
  return {
    ok: probe.status === 0 && probe.stdout.includes('main bundle loaded'),
    output: `${probe.stdout}${probe.stderr}`,
  }
}

async function checkAsar(appOutDir, label) {
  const asar = require('@electron/asar')
  const asarFile = path.join(appOutDir, 'resources', 'app.asar')
  if (!check(existsSync(asarFile), `${label}: no resources/app.asar`)) return
  const size = statSync(asarFile).size
  const files = asar.listPackage(asarFile).map(file => file.replace(/\\/g, '/').replace(/^\//, ''))
  facts[`${label}AsarBytes`] = size
  check(size < asarLimit, `${label}: app.asar is ${(size / 1048576).toFixed(1)} MB (limit 25 MB)`)
  const stray = files.filter(file => !/^(out\/(main|preload|renderer)(\/|$)|out$|package\.json$)/.test(file))
  check(
    stray.length === 0,
    `${label}: app.asar holds more than out/ and package.json: ${stray.slice(0, 10).join(', ')}`,
  )
  for (const needed of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'])
    check(files.includes(needed), `${label}: app.asar lacks ${needed}`)
  check(!files.some(file => file.includes('node_modules')), `${label}: app.asar holds node_modules`)
  check(!files.some(file => file.endsWith('.map')), `${label}: app.asar holds source maps`)
  return asarFile
}

async function main() {
  if (!args.includes('--no-build')) {
    run('npx', ['electron-vite', 'build'])
    run(process.execPath, [path.join(here, 'make-icons.mjs')])
  }
  rmSync(path.join(work, 'dist'), { recursive: true, force: true })
  const { build, Platform, Arch } = require('electron-builder')
  const packageVersion = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version
  const fpmArgsFile = path.join(work, 'fpm-arguments.json')
  rmSync(fpmArgsFile, { force: true })
  process.env.CUSTOM_FPM_PATH = path.join(here, 'fpm-stand-in.mjs')
  process.env.WRS_FPM_ARGS_FILE = fpmArgsFile
  const common = {
    electronVersion,
    directories: { output: path.join(work, 'dist') },
    publish: null,
  }

  // Linux: the unpacked folder and the .deb's fpm arguments.
  await build({
    projectDir: repo,
    targets: Platform.LINUX.createTarget(['dir', 'deb'], Arch.x64),
    config: { ...common, electronDist: standInDist('linux') },
  })
  const linuxDir = path.join(work, 'dist', 'linux-unpacked')
  const asarFile = await checkAsar(linuxDir, 'linux')
  if (asarFile) {
    const loaded = await loadMainBundle(asarFile)
    check(loaded.ok, `the main bundle does not load from app.asar without node_modules:\n${loaded.output}`)
  }
  const fuses = await fuseStates(path.join(linuxDir, 'work-report-studio'))
  facts.fuses = fuses
  check(fuses.RunAsNode === false, 'fuse RunAsNode is not disabled')
  check(
    fuses.EnableNodeOptionsEnvironmentVariable === false,
    'fuse EnableNodeOptionsEnvironmentVariable is not disabled',
  )
  check(fuses.EnableNodeCliInspectArguments === false, 'fuse EnableNodeCliInspectArguments is not disabled')
  check(fuses.OnlyLoadAppFromAsar === true, 'fuse OnlyLoadAppFromAsar is not enabled')
  check(
    fuses.EnableEmbeddedAsarIntegrityValidation === true,
    'fuse EnableEmbeddedAsarIntegrityValidation is not enabled',
  )
  check(fuses.GrantFileProtocolExtraPrivileges === false, 'fuse GrantFileProtocolExtraPrivileges is not disabled')

  const deb = path.join(work, 'dist', `work-report-studio_${packageVersion}_amd64.deb`)
  if (check(existsSync(deb) && existsSync(fpmArgsFile), 'electron-builder did not build the .deb')) {
    const fpm = JSON.parse(readFileSync(fpmArgsFile, 'utf8'))
    const field = name => spawnSync('dpkg-deb', ['-f', deb, name], { encoding: 'utf8' }).stdout.trim()
    const contents = spawnSync('dpkg-deb', ['-c', deb], { encoding: 'utf8' }).stdout
    const desktopFile = './usr/share/applications/work-report-studio.desktop'
    const unpacked = path.join(work, 'deb-contents')
    rmSync(unpacked, { recursive: true, force: true })
    spawnSync('dpkg-deb', ['-x', deb, unpacked])
    const desktopText = readFileSync(path.join(unpacked, desktopFile), 'utf8')
    facts.deb = {
      bytes: statSync(deb).size,
      depends: field('Depends'),
      recommends: field('Recommends'),
      maintainer: field('Maintainer'),
      homepage: field('Homepage'),
      desktop: desktopText,
      fpmArguments: fpm.length,
    }
    check(/<[^@\s]+@[^>\s]+>/.test(field('Maintainer')), `.deb maintainer has no e-mail: ${field('Maintainer')}`)
    check(/^https:\/\//.test(field('Homepage')), `.deb has no homepage: ${field('Homepage')}`)
    check(field('Recommends').split(', ').includes('fonts-noto-cjk'), '.deb does not recommend fonts-noto-cjk')
    check(field('Depends').split(', ').includes('fontconfig'), '.deb does not depend on fontconfig')
    for (const file of [
      './usr/share/fontconfig/conf.avail/65-wrs-official-fonts.conf',
      './etc/fonts/conf.d/65-wrs-official-fonts.conf',
      './usr/share/icons/hicolor/256x256/apps/work-report-studio.png',
      './usr/share/icons/hicolor/16x16/apps/work-report-studio.png',
      './usr/share/mime/packages/work-report-studio.xml',
      desktopFile,
      './opt/工作报告编写器/work-report-studio',
      './opt/工作报告编写器/resources/app.asar',
    ])
      check(contents.includes(` ${file}\n`) || contents.endsWith(` ${file}`), `.deb does not install ${file}`)
    check(/^Exec=.*work-report-studio"? %F$/m.test(desktopText), `.desktop Exec does not end in %F:\n${desktopText}`)
    check(
      /^MimeType=application\/x-work-report-studio;$/m.test(desktopText),
      `.desktop MimeType is not the .wrs type:\n${desktopText}`,
    )
    check(/^Icon=work-report-studio$/m.test(desktopText), '.desktop lacks the icon')
    check(/^StartupWMClass=work-report-studio$/m.test(desktopText), '.desktop StartupWMClass does not match the window')
  }

  // Windows: the unpacked folder, as the NSIS installer would pack it (makensis and rcedit are downloaded by
  // electron-builder, so the installer itself and the exe's icon resource are not made here).
  await build({
    projectDir: repo,
    targets: Platform.WINDOWS.createTarget(['dir'], Arch.x64),
    config: { ...common, electronDist: standInDist('win32'), win: { signAndEditExecutable: false } },
  })
  const winDir = path.join(work, 'dist', 'win-unpacked')
  await checkAsar(winDir, 'windows')
  const winFuses = await fuseStates(path.join(winDir, 'work-report-studio.exe'))
  check(winFuses.RunAsNode === false && winFuses.OnlyLoadAppFromAsar === true, 'Windows fuses are not set')
  const { getConfig } = require('app-builder-lib/out/util/config/config')
  const config = await getConfig(repo, null, null)
  facts.nsis = config.nsis
  check(config.nsis?.perMachine === true, 'NSIS installer is not per-machine (file associations register under HKLM)')
  check(
    config.fileAssociations?.some(
      association => association.ext === 'wrs' && existsSync(path.join(repo, 'build', `${association.icon}.ico`)),
    ),
    'the .wrs association has no icon in build/',
  )
  check(existsSync(path.join(repo, config.win?.icon ?? 'build/icon.ico')), 'no Windows icon')
}

try {
  await main()
} catch (error) {
  failures.push(`packaging failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
}
const summary = { ok: failures.length === 0, failures, facts }
if (jsonOut) {
  mkdirSync(path.dirname(jsonOut), { recursive: true })
  writeFileSync(jsonOut, JSON.stringify(summary, null, 2) + '\n')
}
if (facts.linuxAsarBytes) console.log(`app.asar: ${(facts.linuxAsarBytes / 1048576).toFixed(2)} MB`)
for (const failure of failures) console.log(`FAIL ${failure}`)
console.log(failures.length === 0 ? 'package check: all passed' : `package check: ${failures.length} failed`)
process.exit(failures.length === 0 ? 0 : 1)
