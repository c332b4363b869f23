import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { importText } from '../../core/import/import-text'
import { serializeReportFile } from '../../core/report-file'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { runWrs } from '../helpers/run-wrs'
import { docxWithBoldNumbering, docxWithHeadingStyles, docxWithTable } from '../unit/main/docx-import-fixtures'
import { seededRandom } from '../helpers/seeded-random'

/**
 * Mutated DOCX, text and .wrs files through `wrs import`, `wrs check` and `wrs export` (in-process, as the other
 * CLI tests run it). Fixed seed, 300 cases. Each must end in exit 0, 1 or 2; a non-zero exit prints a zh-CN
 * sentence and no engine English, stack trace or editor-only advice; a refusal (exit 2) writes no file; the input is never changed;
 * and the process stays under MEMORY_BOUND of resident memory after every case.
 */
// WRS_FUZZ_SEED / WRS_FUZZ_CASES explore further by hand; CI runs the fixed seed
const CASES_PER_KIND = Number(process.env.WRS_FUZZ_CASES) || 100
const MEMORY_BOUND = 1536 * 1024 * 1024

const next = seededRandom(Number(process.env.WRS_FUZZ_SEED) || 13)
const int = (max: number): number => Math.floor(next() * max)
const pick = <T>(items: readonly T[]): T => items[int(items.length)]!

const hostile = [
  '\uffff',
  '\ufffe',
  '\u0000',
  '\u0001',
  '\ud800',
  '\udc00',
  '𠀀𪚥',
  '<',
  '&',
  ']]>',
  '"',
  '\\',
  '\u202e',
  '\u200b',
  '\r',
  '\t',
  '一、',
  '（一）',
  '2023年主要工作',
  '各位代表：',
]
const tags = [
  '<w:tbl>',
  '</w:tbl>',
  '<w:tr>',
  '<w:tc>',
  '</w:p>',
  '<w:p>',
  '<w:outlineLvl w:val="0"/>',
  '<w:b/>',
  '<!--',
  '<![CDATA[',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&a;',
]

/** One text mutation: delete, duplicate, insert or swap a stretch. */
function mutateText(text: string, inserts: readonly string[]): string {
  let out = text
  for (let step = 0, steps = 1 + int(4); step < steps; step++) {
    const at = int(out.length + 1)
    const length = int(Math.min(200, out.length - at + 1))
    switch (int(5)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + length)
        break
      case 1:
        out = out.slice(0, at) + out.slice(at, at + length).repeat(1 + int(50)) + out.slice(at + length)
        break
      case 2:
        out = out.slice(0, at) + pick(inserts).repeat(1 + int(3)) + out.slice(at)
        break
      case 3:
        out = out.slice(0, at) + '\n'.repeat(1 + int(3)) + out.slice(at)
        break
      default:
        out = out.slice(at) + out.slice(0, at)
    }
  }
  return out
}

/** One byte mutation: flip, truncate, splice random bytes, zero a stretch. */
function mutateBytes(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes)
  switch (int(4)) {
    case 0:
      for (let flip = 0, flips = 1 + int(8); flip < flips; flip++) {
        const at = int(out.length)
        out[at] = out[at]! ^ (1 << int(8))
      }
      return out
    case 1:
      return out.subarray(0, int(out.length))
    case 2: {
      const at = int(out.length)
      const noise = new Uint8Array(1 + int(64)).map(() => int(256))
      return new Uint8Array([...out.subarray(0, at), ...noise, ...out.subarray(at)])
    }
    default: {
      const at = int(out.length)
      out.fill(0, at, at + 1 + int(256))
      return out
    }
  }
}

function mutateJson(value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    const copy = value.map(item => (next() < 0.05 ? mutateJson(item, depth + 1) : item))
    if (next() < 0.1 && copy.length) copy.splice(int(copy.length), 1)
    if (next() < 0.1 && copy.length) copy.push(copy[int(copy.length)])
    return copy
  }
  if (value && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    for (const key of Object.keys(copy)) {
      const roll = next()
      if (roll < 0.02) delete copy[key]
      else if (roll < 0.04) copy[key] = pick([null, 0, -1, 1e308, '', 'x'.repeat(int(1000)), [], {}, true])
      else if (roll < 0.3) copy[key] = mutateJson(copy[key], depth + 1)
    }
    return copy
  }
  if (typeof value === 'string') return next() < 0.3 ? mutateText(value, hostile) : value
  if (typeof value === 'number') return next() < 0.2 ? pick([0, -1, 1.5, 9999, NaN, 2 ** 40]) : value
  return value
}

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-fuzz-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const han = /[\u4e00-\u9fff]/
const engineEnglish =
  /Maximum call stack|RangeError|TypeError|SyntaxError|Cannot read|undefined|\n\s+at |ENOENT:|Error:/

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')
let peakRss = 0
const outcomes: Record<string, number> = {}

/** Runs one command on one case folder and checks what every run must keep. */
async function expectHandled(dir: string, input: string, argv: string[], output?: string): Promise<number> {
  const before = sha(path.join(dir, input))
  const entries = readdirSync(dir).sort()
  const result = await runWrs(argv, dir)
  const label = `${argv[0]} ${input}: exit ${result.code}\n${result.err}`
  expect([0, 1, 2], label).toContain(result.code)
  if (result.code !== 0) {
    expect(result.err + result.out, label).toMatch(han)
    expect(result.err, label).not.toMatch(engineEnglish)
    // the editor's advice (unsaved text kept in the editor, undo the last edit) is no answer on the command line
    expect(result.err, label).not.toMatch(/仍在编辑器中|撤销最近的修改/)
  }
  if (result.code === 2) {
    expect(readdirSync(dir).sort(), label).toEqual(entries)
    if (output) expect(existsSync(path.join(dir, output)), label).toBe(false)
  }
  expect(sha(path.join(dir, input)), label).toBe(before)
  outcomes[`${argv[0]} ${result.code}`] = (outcomes[`${argv[0]} ${result.code}`] ?? 0) + 1
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  return result.code
}

let caseNumber = 0
function caseFolder(): string {
  const dir = path.join(folder, String(caseNumber++))
  rmSync(dir, { recursive: true, force: true })
  return mkdtempSync(dir)
}

/** After an import that wrote reports (one, or out-1.wrs, out-2.wrs …): check the first and export it. */
async function checkAndExport(dir: string): Promise<void> {
  const report = readdirSync(dir).find(name => name.startsWith('out') && name.endsWith('.wrs'))!
  expect(report).toBeDefined()
  await expectHandled(dir, report, ['check', report])
  await expectHandled(dir, report, ['export', report, '--docx', 'out.docx'], 'out.docx')
}

describe('fuzzed inputs end in a zh-CN answer, never a crash', () => {
  let docxSeeds: Array<Record<string, Uint8Array>> = []
  let textSeed = ''
  let wrsSeed: unknown
  beforeAll(async () => {
    const npc = npcReportFixture()
    // the packages' creation times fixed, so the same seed mutates the same bytes on every run
    const fixedTimes = (files: Record<string, Uint8Array>) =>
      Object.fromEntries(
        Object.entries(files).map(([name, data]) => [
          name,
          name.startsWith('docProps/')
            ? strToU8(strFromU8(data).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, '2024-01-16T08:00:00Z'))
            : data,
        ]),
      )
    docxSeeds = [
      unzipSync(await docxWithHeadingStyles()),
      unzipSync(await docxWithBoldNumbering()),
      unzipSync(await docxWithTable()),
      unzipSync(await buildDocx(npc, { draftLabel: null })),
    ].map(fixedTimes)
    textSeed = readFileSync(path.join(import.meta.dirname, '../fixtures/erqi-2023-npc-cppcc-newspaper.md'), 'utf8')
    wrsSeed = JSON.parse(serializeReportFile(importText(textSeed, { markdown: true }).reports[0]!))
  })

  it(`${CASES_PER_KIND} mutated DOCX files`, async () => {
    for (let index = 0; index < CASES_PER_KIND; index++) {
      const files = { ...pick(docxSeeds) }
      let bytes: Uint8Array
      if (index % 3 === 0) {
        bytes = mutateBytes(zipSync(files))
      } else {
        const part = pick([
          'word/document.xml',
          'word/document.xml',
          'word/styles.xml',
          'word/numbering.xml',
          '_rels/.rels',
        ])
        if (files[part]) files[part] = strToU8(mutateText(strFromU8(files[part]!), [...tags, ...hostile]))
        if (index % 7 === 0) delete files[pick(Object.keys(files))]
        bytes = zipSync(files)
      }
      const dir = caseFolder()
      writeFileSync(path.join(dir, 'in.docx'), bytes)
      const code = await expectHandled(dir, 'in.docx', ['import', 'in.docx', '-o', 'out.wrs'], 'out.wrs')
      if (code === 0 && index % 4 === 0) await checkAndExport(dir)
    }
  })

  it(`${CASES_PER_KIND} mutated text and Markdown files`, async () => {
    for (let index = 0; index < CASES_PER_KIND; index++) {
      const text = mutateText(textSeed, hostile)
      const encoded = new TextEncoder().encode(text)
      const bytes =
        index % 5 === 0
          ? mutateBytes(encoded)
          : index % 5 === 1
            ? new Uint8Array(Buffer.from(text, index % 2 ? 'utf16le' : 'latin1'))
            : encoded
      const name = index % 2 ? 'in.txt' : 'in.md'
      const dir = caseFolder()
      writeFileSync(path.join(dir, name), bytes)
      const code = await expectHandled(dir, name, ['import', name, '-o', 'out.wrs'], 'out.wrs')
      if (code === 0 && index % 4 === 0) await checkAndExport(dir)
    }
  })

  it(`${CASES_PER_KIND} mutated .wrs files`, async () => {
    for (let index = 0; index < CASES_PER_KIND; index++) {
      const serialized = JSON.stringify(mutateJson(wrsSeed))
      const bytes = index % 4 === 0 ? mutateBytes(strToU8(serialized)) : strToU8(serialized)
      const dir = caseFolder()
      writeFileSync(path.join(dir, 'in.wrs'), bytes)
      await expectHandled(dir, 'in.wrs', ['check', 'in.wrs'])
      await expectHandled(dir, 'in.wrs', ['export', 'in.wrs', '--docx', 'out.docx'], 'out.docx')
      if (index % 3 === 0) await expectHandled(dir, 'in.wrs', ['rollforward', 'in.wrs', '-o', 'next.wrs'], 'next.wrs')
    }
  })

  it(`stays under ${MEMORY_BOUND / 1024 / 1024} MB of resident memory`, () => {
    console.log(`fuzz outcomes: ${JSON.stringify(outcomes)}; peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`)
    expect(peakRss).toBeGreaterThan(0)
    expect(peakRss).toBeLessThan(MEMORY_BOUND)
  })
})
