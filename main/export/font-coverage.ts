import { execFile } from 'node:child_process'
import { normaliseFamily, parseCharset, type CodeRanges, type FontCoverage } from '../../core/export/missing-glyphs'

/**
 * What the installed fonts cover, from fontconfig (`fc-list` with each face's charset): the same font
 * configuration Chromium prints with on Linux, one call (≈0.2 s) per process, no font file opened here. Null where
 * fontconfig is not installed (Windows, most macOS): the export then names no characters.
 */
function readCoverage(): Promise<FontCoverage | null> {
  return new Promise(resolve => {
    execFile(
      'fc-list',
      ['-f', '%{family}\\t%{charset}\\n'],
      { maxBuffer: 64 * 1024 * 1024, timeout: 15_000 },
      (error, stdout) => {
        if (error) return resolve(null)
        const coverage = new Map<string, Array<readonly [number, number]>>()
        for (const line of stdout.split('\n')) {
          const tab = line.indexOf('\t')
          if (tab < 0) continue
          const ranges = parseCharset(line.slice(tab + 1))
          for (const family of line.slice(0, tab).split(',')) {
            if (!family.trim()) continue
            const key = normaliseFamily(family)
            coverage.set(key, [...(coverage.get(key) ?? []), ...ranges])
          }
        }
        const sorted = new Map<string, CodeRanges>()
        for (const [family, ranges] of coverage)
          sorted.set(
            family,
            [...ranges].sort((a, b) => a[0] - b[0]),
          )
        resolve(sorted)
      },
    )
  })
}

let cached: Promise<FontCoverage | null> | undefined

/** The installed faces' coverage, read once per process (null when it cannot be known). */
export function installedFontCoverage(): Promise<FontCoverage | null> {
  cached ??= readCoverage().catch(() => null)
  return cached
}
