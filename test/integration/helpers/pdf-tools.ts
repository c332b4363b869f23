import { execFileSync } from 'node:child_process'

/** `pdfinfo` fields: page count and the first page's size in points. */
export function pdfInfo(pdfPath: string): { pages: number; width: number; height: number } {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' })
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) }
}

/** `pdffonts` rows: name, type and whether the font is embedded. */
export function pdfFonts(pdfPath: string): Array<{ name: string; type: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  return lines.map(line => {
    const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line)
    return { name: match?.[1] ?? '', type: match?.[2] ?? '', embedded: match?.[4] === 'yes' }
  })
}

/** PostScript names of the embedded faces (FontDescriptor /FontName, subset tag removed): Type 3 fonts have no BaseFont. */
export function embeddedFaceNames(pdf: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(pdf)
  return [
    ...new Set([...text.matchAll(/\/FontName\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]]+)/g)].map(match => match[1]!)),
  ].sort()
}

/** Text of one page (`pdftotext -layout`). */
export function pageText(pdfPath: string, page: number): string {
  return execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdfPath, '-'], {
    encoding: 'utf8',
  })
}

/** Every `/Title <FEFF…>` string of the PDF (document title and bookmarks), decoded from UTF-16BE. */
export function pdfTitles(pdf: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(pdf)
  return [...text.matchAll(/\/Title\s*<FEFF([0-9A-Fa-f]*)>/g)].map(match => {
    let out = ''
    for (let index = 0; index + 4 <= match[1]!.length; index += 4)
      out += String.fromCharCode(parseInt(match[1]!.slice(index, index + 4), 16))
    return out
  })
}
