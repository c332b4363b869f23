import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Free substitutes a Linux desk uses for the official fonts (docs/layout.md §A.6). LibreOffice
 * asks fontconfig; without these aliases every Chinese face would fall back to one sans font.
 */
const aliases: Array<[string, string[]]> = [
  ['仿宋_GB2312', ['FandolFang', 'Noto Serif CJK SC']],
  ['楷体_GB2312', ['FandolKai', 'Noto Serif CJK SC']],
  ['黑体', ['FandolHei', 'Noto Sans CJK SC']],
  ['方正小标宋简体', ['Noto Serif CJK SC:bold', 'FandolSong']],
  ['宋体', ['FandolSong', 'Noto Serif CJK SC']],
]

function fontconfigFile(directory: string): string {
  const rules = aliases
    .map(([family, prefer]) => {
      const [name, style] = prefer[0]!.split(':')
      const bold =
        style === 'bold'
          ? `<match target="pattern"><test name="family"><string>${family}</string></test><edit name="weight" mode="assign"><const>bold</const></edit></match>`
          : ''
      return `<alias binding="strong"><family>${family}</family><prefer>${[name, ...prefer.slice(1)].map(font => `<family>${font}</family>`).join('')}</prefer></alias>${bold}`
    })
    .join('\n')
  const file = path.join(directory, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n${rules}\n</fontconfig>\n`,
  )
  return file
}

/** Converts a DOCX with LibreOffice headless (private profile, ~10 s) and returns the PDF's path. */
export async function convertDocxToPdf(docxPath: string): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-soffice-'))
  const outdir = path.join(work, 'out')
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'pdf',
      '--outdir',
      outdir,
      docxPath,
    ],
    { timeout: 180_000, env: { ...process.env, FONTCONFIG_FILE: fontconfigFile(work) } },
  )
  const pdf = readdirSync(outdir).find(name => name.endsWith('.pdf'))
  if (!pdf) throw new Error(`LibreOffice wrote no PDF for ${docxPath}`)
  return path.join(outdir, pdf)
}

/**
 * Opens a DOCX in LibreOffice headless and saves it again as DOCX (its own writer: comments, revisions and styles
 * as LibreOffice writes them), as a returned copy edited in LibreOffice would be. Returns the new file's path.
 */
export async function resaveDocxWithLibreOffice(docxPath: string): Promise<string> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-soffice-'))
  const outdir = path.join(work, 'out')
  await run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(work, 'profile')}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      outdir,
      docxPath,
    ],
    { timeout: 180_000 },
  )
  const docx = readdirSync(outdir).find(name => name.endsWith('.docx'))
  if (!docx) throw new Error(`LibreOffice wrote no DOCX for ${docxPath}`)
  return path.join(outdir, docx)
}

export async function pdfText(pdfPath: string, options: { layout?: boolean } = {}): Promise<string> {
  const { stdout } = await run('pdftotext', [...(options.layout ? ['-layout'] : []), pdfPath, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

export async function pdfInfo(pdfPath: string): Promise<{ pages: number; pageSize: string }> {
  const { stdout } = await run('pdfinfo', [pdfPath])
  const pages = Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? 0)
  const pageSize = /Page size:\s+(.+)/.exec(stdout)?.[1]?.trim() ?? ''
  return { pages, pageSize }
}

export interface PdfWord {
  text: string
  xMin: number
  yMin: number
  xMax: number
  yMax: number
}

/** Words of one page with their boxes in points (pdftotext -bbox). */
export async function pdfWords(pdfPath: string, page: number): Promise<PdfWord[]> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', pdfPath, '-'], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return [
    ...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
  ].map(match => ({
    xMin: Number(match[1]),
    yMin: Number(match[2]),
    xMax: Number(match[3]),
    yMax: Number(match[4]),
    text: match[5]!,
  }))
}

/** Rows (mm from the page top) holding a dark horizontal stroke longer than `minMm` below `fromMm`, at 300 dpi. */
export async function horizontalStrokes(
  pdfPath: string,
  page: number,
  fromMm: number,
  minMm: number,
): Promise<number[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-pgm-'))
  await run('pdftoppm', [
    '-r',
    '300',
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdfPath,
    path.join(work, 'page'),
  ])
  const data = readFileSync(path.join(work, 'page.pgm'))
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))!
  const width = Number(header[1])
  const height = Number(header[2])
  const pixels = data.subarray(header[0].length)
  const perMm = 300 / 25.4
  const rows: number[] = []
  for (let y = Math.floor(fromMm * perMm); y < height; y++) {
    let run = 0
    let longest = 0
    for (let x = 0; x < width; x++) {
      run = pixels[y * width + x]! < 128 ? run + 1 : 0
      if (run > longest) longest = run
    }
    if (longest > minMm * perMm) rows.push(y / perMm)
  }
  return rows
}

/** Where an ASCII letter or digit meets a 汉字, either way round. */
const scriptChange =
  /(?<=[\u3400-\u9fff\uf900-\ufaff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%‰])(?=[\u3400-\u9fff\uf900-\ufaff])/g

/**
 * The DOCX as LibreOffice must be given it to space 汉字 and digits as Word does (LibreOffice stands in for Word in the
 * parity test): LibreOffice ignores w:autoSpaceDE/DN and adds a fifth of an em between two letters or digits of
 * different scripts, so a zero-width space (not a letter: no space is added beside it, the break opportunities stay)
 * goes where 汉字 meet digits or Latin letters. The DOCX we ship carries the report's text unchanged
 * (test/unit/core/docx-xml.test.ts). Its other line switch, w:overflowPunct, needs no change here: the DOCX itself
 * gives LibreOffice its inverted reading (docs/layout.md §A.9).
 */
export function asWordSpacesScripts(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx)
  const document = strFromU8(files['word/document.xml']!)
  files['word/document.xml'] = strToU8(
    document.replace(
      /(<w:t(?:\s[^>]*)?>)([^<]*)/g,
      (_, open: string, text: string) => open + text.replace(scriptChange, '\u200b'),
    ),
  )
  return zipSync(files)
}
