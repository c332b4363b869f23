#!/usr/bin/env node
// Stands in for fpm (not installed on the build machines here) when packaging/check-package.mjs builds the
// .deb: electron-builder runs it as CUSTOM_FPM_PATH with the arguments it would give fpm (`-s dir -t deb`,
// -d / --deb-recommends, --after-install, … and `source=/destination` pairs). It writes those arguments to
// $WRS_FPM_ARGS_FILE and assembles the same .deb with dpkg-deb, so the package's control fields and file list
// can be read back with `dpkg-deb -f` / `dpkg-deb -c`. It covers the options electron-builder uses, not all of fpm.
import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const argv = process.argv.slice(2)
if (process.env.WRS_FPM_ARGS_FILE) writeFileSync(process.env.WRS_FPM_ARGS_FILE, JSON.stringify(argv, null, 2))

const flagsWithoutValue = new Set(['--force', '--debug', '--deb-no-default-config-files'])
const options = new Map()
const mappings = []
for (let index = 0; index < argv.length; index++) {
  const argument = argv[index]
  if (flagsWithoutValue.has(argument)) continue
  if (argument.startsWith('-')) {
    options.set(argument, [...(options.get(argument) ?? []), argv[index + 1]])
    index++
  } else mappings.push(argument)
}
const one = name => options.get(name)?.at(-1)
if (one('-t') !== 'deb' || one('-s') !== 'dir') {
  console.error(`fpm stand-in: only -s dir -t deb is supported (got -s ${one('-s')} -t ${one('-t')})`)
  process.exit(2)
}

const root = mkdtempSync(path.join(os.tmpdir(), 'wrs-fpm-'))
chmodSync(root, 0o755)
try {
  const conffiles = []
  for (const mapping of mappings) {
    const split = mapping.lastIndexOf('=')
    const source = mapping.slice(0, split)
    const destination = mapping.slice(split + 1)
    const target = path.join(root, destination)
    if (!statSync(source, { throwIfNoEntry: false })) {
      console.error(`fpm stand-in: File not found: ${source}`)
      process.exit(1)
    }
    if (statSync(source).isDirectory()) cpSync(source, target, { recursive: true })
    else {
      mkdirSync(path.dirname(target), { recursive: true })
      copyFileSync(source, target)
      if (destination.startsWith('/etc/')) conffiles.push(destination)
    }
  }
  const debian = path.join(root, 'DEBIAN')
  mkdirSync(debian)
  const [synopsis, ...details] = (one('--description') ?? '').split('\n')
  const control = {
    Package: one('--name'),
    Version: one('--version'),
    Architecture: one('--architecture'),
    Maintainer: one('--maintainer'),
    Depends: (options.get('-d') ?? []).join(', '),
    Recommends: (options.get('--deb-recommends') ?? []).join(', '),
    Section: one('--category'),
    Priority: one('--deb-priority'),
    Homepage: one('--url'),
    Description: [synopsis, ...details.map(line => ` ${line.trim() || '.'}`)].join('\n'),
  }
  writeFileSync(
    path.join(debian, 'control'),
    Object.entries(control)
      .filter(([, value]) => value)
      .map(([key, value]) => `${key}: ${value}`)
      .join('\n') + '\n',
  )
  if (conffiles.length) writeFileSync(path.join(debian, 'conffiles'), conffiles.join('\n') + '\n')
  for (const [flag, script] of [
    ['--after-install', 'postinst'],
    ['--after-remove', 'postrm'],
  ]) {
    if (!one(flag)) continue
    copyFileSync(one(flag), path.join(debian, script))
    chmodSync(path.join(debian, script), 0o755)
  }
  const built = spawnSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', root, one('--package')], {
    stdio: 'inherit',
  })
  process.exit(built.status ?? 1)
} finally {
  rmSync(root, { recursive: true, force: true })
}
