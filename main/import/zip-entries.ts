import { Inflate } from 'fflate'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; other methods are refused by the caller. */
  method: number
  /** Where the entry's data starts and how many bytes it takes, from the central directory and the local header. */
  dataStart: number
  compressedSize: number
  /** What the directory claims; never trusted for a limit. */
  declaredSize: number
}

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

function u64(view: DataView, offset: number): number {
  return view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 0x100000000
}

/**
 * The entries of a zip's central directory, read in one loop (no recursion, so 10,000 entries are as cheap as
 * ten), each checked against its local header; undefined when the directory is missing or points outside the file.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      end = at
      break
    }
  }
  if (end < 0) return undefined
  let count = view.getUint16(end + 10, true)
  let directory = view.getUint32(end + 16, true)
  const directorySize = view.getUint32(end + 12, true)
  if ((count === 0xffff || directory === 0xffffffff) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_LOCATOR) {
    const record = u64(view, end - 12)
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) return undefined
    count = u64(view, record + 32)
    directory = u64(view, record + 48)
  } else if (directory === 0xffffffff && directorySize !== 0xffffffff && directorySize <= end) {
    // Info-ZIP writing Zip64 to a stream (`zip -fz - …`) marks the offset as Zip64 but writes no Zip64 end record:
    // the directory ends where the end record starts, so it starts `directorySize` bytes before it
    directory = end - directorySize
  }
  const entries: ZipEntry[] = []
  let at = directory
  const decoder = new TextDecoder()
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return undefined
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength + extraLength > bytes.length) return undefined
    let compressedSize = view.getUint32(at + 20, true)
    let declaredSize = view.getUint32(at + 24, true)
    let local = view.getUint32(at + 42, true)
    // ZIP64 extended information: the 64-bit values of the fields set to 0xFFFFFFFF, in this order
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength;) {
      const id = view.getUint16(extra, true)
      const size = view.getUint16(extra + 2, true)
      if (id === 0x0001) {
        let field = extra + 4
        const fieldsEnd = extra + 4 + size
        if (declaredSize === 0xffffffff && field + 8 <= fieldsEnd) {
          declaredSize = u64(view, field)
          field += 8
        }
        if (compressedSize === 0xffffffff && field + 8 <= fieldsEnd) {
          compressedSize = u64(view, field)
          field += 8
        }
        if (local === 0xffffffff && field + 8 <= fieldsEnd) local = u64(view, field)
      }
      extra += 4 + size
    }
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL) return undefined
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
    if (dataStart + compressedSize > bytes.length) return undefined
    entries.push({ name, method: view.getUint16(at + 10, true), dataStart, compressedSize, declaredSize })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

export type InflateResult = { ok: true; data: Uint8Array } | { ok: false; reason: 'too-large' | 'broken' }

/**
 * An entry's data, inflated in 4 KB steps and counted as it comes: past `budget` bytes it stops, whatever the
 * directory said, so a zip that lies about its sizes costs at most `budget` bytes of memory.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): InflateResult {
  const input = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
  if (entry.method === 0) return input.length > budget ? { ok: false, reason: 'too-large' } : { ok: true, data: input }
  if (entry.method !== 8) return { ok: false, reason: 'broken' }
  const chunks: Uint8Array[] = []
  let total = 0
  let over = false
  let done = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > budget) over = true
    else chunks.push(chunk)
    if (final) done = true
  })
  try {
    // 4 KB of deflate input yields at most ~4 MB (1032:1), so the count stops a bomb within a few MB of the cap
    const step = 4 * 1024
    for (let offset = 0; offset < input.length && !over; offset += step)
      inflater.push(input.subarray(offset, Math.min(input.length, offset + step)), offset + step >= input.length)
    if (input.length === 0) inflater.push(new Uint8Array(0), true)
  } catch {
    return { ok: false, reason: 'broken' }
  }
  if (over) return { ok: false, reason: 'too-large' }
  if (!done) return { ok: false, reason: 'broken' }
  const data = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    data.set(chunk, offset)
    offset += chunk.length
  }
  return { ok: true, data }
}
