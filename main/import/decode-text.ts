export type DecodeResult =
  { ok: true; text: string; encoding: string; notes: string[] } | { ok: false; message: string }

const SAMPLE = 64 * 1024

/** Code units a report's text is made of: CJK, CJK and full-width punctuation, ASCII text, line ends. */
function isTextUnit(unit: number): boolean {
  return (
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0xff00 && unit <= 0xffef) ||
    (unit >= 0x20 && unit <= 0x7e) ||
    unit === 0x0a ||
    unit === 0x0d ||
    unit === 0x09 ||
    (unit >= 0x2010 && unit <= 0x206f) ||
    (unit >= 0x3400 && unit <= 0x4dbf)
  )
}

/** The byte order of UTF-16 without a BOM, when nearly every code unit of the sample reads as text that way. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const length = Math.min(bytes.length, SAMPLE) & ~1
  if (length < 4) return undefined
  let little = 0
  let big = 0
  for (let index = 0; index < length; index += 2) {
    if (isTextUnit(bytes[index]! | (bytes[index + 1]! << 8))) little++
    if (isTextUnit((bytes[index]! << 8) | bytes[index + 1]!)) big++
  }
  const units = length / 2
  if (little >= units * 0.95 && little > big) return 'utf-16le'
  if (big >= units * 0.95 && big > little) return 'utf-16be'
  return undefined
}

/** 1-based line numbers of the replacement characters in `text`, at most `limit` of them. */
function replacementLines(text: string, limit: number): { lines: number[]; count: number } {
  const lines: number[] = []
  let count = 0
  let line = 1
  let scanned = 0
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) {
    for (let look = text.indexOf('\n', scanned); look >= 0 && look < at; look = text.indexOf('\n', look + 1)) {
      line++
      scanned = look + 1
    }
    count++
    if (lines.length < limit && lines.at(-1) !== line) lines.push(line)
  }
  return { lines, count }
}

function nonAsciiCount(text: string): number {
  let count = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code > 0x7f && code !== 0xfffd) count++
  }
  return count
}

/**
 * UTF-8 with a few bad bytes: kept, each bad byte shown as `�` and named by line in a notice; a last character
 * cut in half (a copy that stopped early) is dropped with its own notice.
 */
function lenientUtf8(body: Uint8Array, fileName: string): { text: string; notes: string[] } | undefined {
  let text = new TextDecoder('utf-8').decode(body)
  const notes: string[] = []
  // a lead byte and fewer continuation bytes than it announces, at the very end
  let tail = body.length - 1
  while (tail > 0 && body.length - tail < 4 && (body[tail]! & 0xc0) === 0x80) tail--
  const lead = body[tail] ?? 0
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  if (needs > 1 && body.length - tail < needs && text.endsWith('\ufffd')) {
    text = text.slice(0, -1)
    notes.push(`“${fileName}”的最后一个字在文件末尾被截断（文件可能没有复制完整），已略去这半个字。请与原文核对结尾。`)
  }
  const { lines, count } = replacementLines(text, 5)
  if (count > Math.max(3, text.length / 1000) || nonAsciiCount(text) < count * 10) return undefined
  if (count)
    notes.push(
      `“${fileName}”第 ${lines.join('、')}${count > lines.length ? ' 等' : ''} 行有 ${count} 处字节不是有效的 UTF-8 文字，已显示为“�”。请对照原文改正这些字。`,
    )
  return { text, notes }
}

/**
 * Decodes a text file: UTF-8 (with or without BOM, a few bad bytes tolerated and named by line), UTF-16 LE/BE
 * with or without a BOM, else GB18030 (Windows 记事本 and WPS save 简体中文 text as GBK). Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodeResult {
  const binary = {
    ok: false as const,
    message: `“${fileName}”的内容是二进制数据，不是文本，无法导入。请选择 .txt、.md 或 .docx 文件。`,
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16LE', [], binary)
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16BE', [], binary)
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  const hasNul = body.includes(0)
  if (!hasNul) {
    try {
      return checkText(new TextDecoder('utf-8', { fatal: true }).decode(body), 'UTF-8', [], binary)
    } catch {
      // not clean UTF-8: UTF-16 without a BOM, UTF-8 with a few bad bytes, or GB18030
    }
  }
  const order = utf16Order(body)
  if (order) {
    const encoding = order === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE'
    const note = `“${fileName}”按 ${encoding} 编码读取（文件开头没有字节顺序标记）。`
    return checkText(new TextDecoder(order).decode(body), encoding, [note], binary)
  }
  if (hasNul) return binary
  const utf8 = lenientUtf8(body, fileName)
  if (utf8) return checkText(utf8.text, 'UTF-8', utf8.notes, binary)
  const text = new TextDecoder('gb18030').decode(body)
  const replaced = (text.match(/\ufffd/g) ?? []).length
  if (replaced > Math.max(3, text.length / 200)) {
    return {
      ok: false,
      message: `“${fileName}”既不是 UTF-8 也不是 GB18030（GBK）编码的文本，无法识别其中的文字。请用记事本或 WPS 打开后另存为 UTF-8 编码再导入。`,
    }
  }
  return checkText(text, 'GB18030', [`“${fileName}”按 GB18030（GBK）编码读取。`], binary)
}

/** Many control characters mean binary data; a few (a stray U+0001 from a converter) are flagged by the checks. */
function checkText(
  text: string,
  encoding: string,
  notes: string[],
  binary: { ok: false; message: string },
): DecodeResult {
  const sample = text.slice(0, SAMPLE)
  const controls = (sample.match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length
  if (controls > Math.max(8, sample.length / 100)) return binary
  return { ok: true, text, encoding, notes }
}
