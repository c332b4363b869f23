import { crc32, deflateRawSync } from 'node:zlib'
import type { DocxFiles } from '../../core/export/docx/build-docx'

/**
 * The DOCX package zipped with Node's zlib: the same zip layout as fflate's zipSync (which the pure builder uses by
 * default: local headers with sizes and CRC, no data descriptors, a central directory), only the deflate streams come
 * from zlib, level 6 like fflate's default. In a fresh `wrs export` process fflate's deflate runs as cold JavaScript
 * (≈ 70 ms for 100 pages, ≈ 300 ms for 400); zlib's takes a few. The files inside are byte for byte the builder's.
 * fflate's streaming Zip, the library way to feed it deflated data, always writes data descriptors.
 */
export function zipDocx(files: DocxFiles, modified = new Date()): Uint8Array {
  const time = dosTime(modified)
  const entries = Object.entries(files).map(([name, data]) => ({
    name: Buffer.from(name, 'utf8'),
    ascii: Buffer.byteLength(name) === name.length,
    data: deflateRawSync(data, { level: 6 }),
    size: data.byteLength,
    crc: crc32(data),
  }))
  const local = entries.reduce((sum, entry) => sum + 30 + entry.name.length + entry.data.length, 0)
  const central = entries.reduce((sum, entry) => sum + 46 + entry.name.length, 0)
  const out = Buffer.alloc(local + central + 22)
  let at = 0
  const offsets: number[] = []
  const header = (signature: number, entry: (typeof entries)[number], offset?: number) => {
    at = out.writeUInt32LE(signature, at)
    if (offset !== undefined) at = out.writeUInt16LE(20, at) // made by: version 2.0, MS-DOS
    at = out.writeUInt16LE(20, at) // version needed: 2.0
    at = out.writeUInt16LE(entry.ascii ? 0 : 0x800, at) // UTF-8 name flag
    at = out.writeUInt16LE(8, at) // deflate
    at = out.writeUInt32LE(time, at)
    at = out.writeUInt32LE(entry.crc, at)
    at = out.writeUInt32LE(entry.data.length, at)
    at = out.writeUInt32LE(entry.size, at)
    at = out.writeUInt16LE(entry.name.length, at)
    at = out.writeUInt16LE(0, at) // extra field length
    if (offset !== undefined) {
      at = out.writeUInt16LE(0, at) // comment length
      at = out.writeUInt16LE(0, at) // disk number
      at = out.writeUInt16LE(0, at) // internal attributes
      at = out.writeUInt32LE(0, at) // external attributes
      at = out.writeUInt32LE(offset, at)
    }
    at += entry.name.copy(out, at)
  }
  for (const entry of entries) {
    offsets.push(at)
    header(0x04034b50, entry)
    at += entry.data.copy(out, at)
  }
  entries.forEach((entry, index) => header(0x02014b50, entry, offsets[index]))
  at = out.writeUInt32LE(0x06054b50, at)
  at = out.writeUInt16LE(0, at)
  at = out.writeUInt16LE(0, at)
  at = out.writeUInt16LE(entries.length, at)
  at = out.writeUInt16LE(entries.length, at)
  at = out.writeUInt32LE(central, at)
  at = out.writeUInt32LE(local, at)
  out.writeUInt16LE(0, at)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

/** MS-DOS date and time, local time, 2-second steps (as fflate writes them). */
function dosTime(date: Date): number {
  return (
    (((date.getFullYear() - 1980) << 25) |
      ((date.getMonth() + 1) << 21) |
      (date.getDate() << 16) |
      (date.getHours() << 11) |
      (date.getMinutes() << 5) |
      (date.getSeconds() >> 1)) >>>
    0
  )
}
