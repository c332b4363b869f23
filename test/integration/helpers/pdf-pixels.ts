import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface GrayPage {
  width: number
  height: number
  /** Pixels per millimetre. */
  scale: number
  pixels: Uint8Array
}

/** One PDF page rendered by poppler's pdftoppm as 8-bit grey. */
export function renderPage(pdfPath: string, page: number, dpi = 100): GrayPage {
  const folder = mkdtempSync(join(tmpdir(), 'wrs-ppm-'))
  try {
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      pdfPath,
      join(folder, 'page'),
    ])
    const data = readFileSync(join(folder, 'page.pgm'))
    // Binary PGM: "P5\n<w> <h>\n255\n" then the pixels.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'))
    if (!header) throw new Error('pdftoppm did not write a PGM image')
    const width = Number(header[1])
    const height = Number(header[2])
    return {
      width,
      height,
      scale: dpi / 25.4,
      pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)),
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

export interface Region {
  top: number
  bottom: number
  left: number
  right: number
}

const dark = 160

/** Rows (in px) that hold ink inside a region given in millimetres. */
export function inkRows(page: GrayPage, regionMm: Region): boolean[] {
  const rows: boolean[] = []
  const x0 = Math.round(regionMm.left * page.scale)
  const x1 = Math.round(regionMm.right * page.scale)
  for (let y = Math.round(regionMm.top * page.scale); y < Math.round(regionMm.bottom * page.scale); y++) {
    let ink = false
    for (let x = x0; x < x1 && !ink; x++) ink = page.pixels[y * page.width + x]! < dark
    rows.push(ink)
  }
  return rows
}

/** Bands of consecutive ink rows as [topMm, bottomMm], merging gaps smaller than `gapMm`. */
export function inkBands(page: GrayPage, regionMm: Region, gapMm = 1.2): Array<[number, number]> {
  const rows = inkRows(page, regionMm)
  const offset = Math.round(regionMm.top * page.scale)
  const bands: Array<[number, number]> = []
  let start = -1
  let lastInk = -1
  rows.forEach((ink, index) => {
    if (!ink) return
    if (start < 0 || index - lastInk > gapMm * page.scale) {
      if (start >= 0) bands.push([start, lastInk])
      start = index
    }
    lastInk = index
  })
  if (start >= 0) bands.push([start, lastInk])
  return bands.map(([top, bottom]) => [(top + offset) / page.scale, (bottom + 1 + offset) / page.scale])
}

/** Left- and rightmost ink columns (mm) inside a region. */
export function inkColumns(
  page: GrayPage,
  regionMm: Region,
  threshold = dark,
): { left: number; right: number } | undefined {
  let left = Infinity
  let right = -Infinity
  for (let y = Math.round(regionMm.top * page.scale); y < Math.round(regionMm.bottom * page.scale); y++) {
    for (let x = Math.round(regionMm.left * page.scale); x < Math.round(regionMm.right * page.scale); x++) {
      if (page.pixels[y * page.width + x]! < threshold) {
        left = Math.min(left, x)
        right = Math.max(right, x)
      }
    }
  }
  return left === Infinity ? undefined : { left: left / page.scale, right: (right + 1) / page.scale }
}

/**
 * Vertical position (mm) of the longest horizontal ink run in a region: on the page-number line
 * that is the 一字线 (em dash) either side of the number. Thin strokes render grey, hence the lighter threshold.
 */
export function dashLine(page: GrayPage, regionMm: Region, threshold = 220): number | undefined {
  let best = 0
  let bestY = -1
  for (let y = Math.round(regionMm.top * page.scale); y < Math.round(regionMm.bottom * page.scale); y++) {
    let run = 0
    for (let x = Math.round(regionMm.left * page.scale); x < Math.round(regionMm.right * page.scale); x++) {
      run = page.pixels[y * page.width + x]! < threshold ? run + 1 : 0
      if (run > best) {
        best = run
        bestY = y
      }
    }
  }
  return bestY < 0 ? undefined : (bestY + 0.5) / page.scale
}
