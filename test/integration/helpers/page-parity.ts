import { execFileSync } from 'node:child_process'

/**
 * The printed lines of each page of a PDF (`pdftotext -raw`: content order, so a digit set a little lower in
 * another face is not read as a line of its own), whitespace removed, without the page number
 * (`— N —`) and the draft label line: what a reader compares when holding two printouts side by side.
 */
export function pageLines(pdfPath: string): string[][] {
  const text = execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  const pages = text.split('\f')
  if (pages.at(-1)?.trim() === '') pages.pop()
  return pages.map(page =>
    page
      .split('\n')
      .map(line => line.replace(/\s+/g, ''))
      .filter(line => line !== '' && !/^—\d+—$/.test(line) && !/^(征求意见稿|讨论稿|送审稿)$/.test(line)),
  )
}

export interface PageParity {
  pages: [number, number]
  /** Share of pages whose first 10 characters agree. */
  pageStarts: number
  /** Share of lines identical at the same place (page and line number), of the longer of the two. */
  lines: number
  /** The first pages whose starts differ, for the report. */
  differingStarts: Array<{ page: number; a: string; b: string }>
}

/** How alike two renderings of one report paginate. */
export function pageParity(a: string[][], b: string[][]): PageParity {
  const pageCount = Math.max(a.length, b.length)
  let sameStarts = 0
  let sameLines = 0
  let lineCount = 0
  const differingStarts: PageParity['differingStarts'] = []
  for (let page = 0; page < pageCount; page++) {
    const linesA = a[page] ?? []
    const linesB = b[page] ?? []
    const startA = linesA.join('').slice(0, 10)
    const startB = linesB.join('').slice(0, 10)
    if (startA === startB && startA !== '') sameStarts++
    else if (differingStarts.length < 5) differingStarts.push({ page: page + 1, a: startA, b: startB })
    const count = Math.max(linesA.length, linesB.length)
    lineCount += count
    for (let line = 0; line < count; line++) if (linesA[line] === linesB[line]) sameLines++
  }
  return {
    pages: [a.length, b.length],
    pageStarts: pageCount ? sameStarts / pageCount : 1,
    lines: lineCount ? sameLines / lineCount : 1,
    differingStarts,
  }
}

/** Lines that differ at the same place, for a failure message: `page:line a | b`. */
export function differingLines(a: string[][], b: string[][], limit = 12): string[] {
  const out: string[] = []
  for (let page = 0; page < Math.max(a.length, b.length) && out.length < limit; page++) {
    const linesA = a[page] ?? []
    const linesB = b[page] ?? []
    for (let line = 0; line < Math.max(linesA.length, linesB.length) && out.length < limit; line++)
      if (linesA[line] !== linesB[line])
        out.push(`${page + 1}:${line + 1} ${linesA[line] ?? '∅'} | ${linesB[line] ?? '∅'}`)
  }
  return out
}
