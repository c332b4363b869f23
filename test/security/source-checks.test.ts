import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// “security checklist N”: the items of docs/security-checklist.md.

const repo = process.cwd()

function sourceFiles(folder: string): string[] {
  const files: string[] = []
  for (const name of readdirSync(path.join(repo, folder))) {
    const relative = path.join(folder, name)
    if (statSync(path.join(repo, relative)).isDirectory()) files.push(...sourceFiles(relative))
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/.test(name)) files.push(relative)
  }
  return files
}

const sources = ['main', 'core', 'renderer'].flatMap(sourceFiles)

describe('source checks (security checklist 9, 10, 16 and the single writer rule)', () => {
  it('no module but write-file-atomic writes files directly', () => {
    const writer = path.join('main', 'files', 'write-file-atomic.ts')
    // Not user files: the CLI's V8 code cache (compiled code in the user's cache folder, written beside and renamed
    // synchronously at exit, where the async writer cannot run; a lost cache only costs speed).
    const notUserFiles = new Set([path.join('main', 'cli', 'load-command-bundle.ts')])
    const direct =
      /\b(writeFileSync|writeFile|appendFileSync|appendFile|createWriteStream|truncateSync|ftruncate|copyFileSync|copyFile)\s*\(/
    const offenders = sources
      .filter(file => file !== writer && !notUserFiles.has(file))
      .flatMap(file =>
        readFileSync(path.join(repo, file), 'utf8')
          .split('\n')
          .map((line, index) => ({ file, line, index })),
      )
      .filter(({ line }) => direct.test(line))
      .map(({ file, line, index }) => `${file}:${index + 1}: ${line.trim()}`)
    expect(offenders, 'write user files with writeFileAtomic (main/files/write-file-atomic.ts)').toEqual([])
  })

  it('never enables blink features, insecure content, experimental features or node integration', () => {
    const forbidden =
      /enableBlinkFeatures|allowRunningInsecureContent\s*:\s*true|experimentalFeatures\s*:\s*true|nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|webviewTag\s*:\s*true/
    const offenders = sources.filter(file => forbidden.test(readFileSync(path.join(repo, file), 'utf8')))
    expect(offenders).toEqual([])
  })

  it('only main/electron, main/index.ts and main/preload.ts import electron', () => {
    const importsElectron = /from\s+['"]electron['"]|require\(['"]electron['"]\)/
    const offenders = sources.filter(file => importsElectron.test(readFileSync(path.join(repo, file), 'utf8')))
    expect(
      offenders.filter(
        file =>
          !file.startsWith(path.join('main', 'electron') + path.sep) &&
          file !== path.join('main', 'index.ts') &&
          file !== path.join('main', 'preload.ts'),
      ),
    ).toEqual([])
  })

  it('depends on a supported Electron (major ≥ 45)', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>
    }
    const major = Number(/(\d+)/.exec(pkg.devDependencies.electron ?? '')?.[1])
    expect(major).toBeGreaterThanOrEqual(45)
  })
})
