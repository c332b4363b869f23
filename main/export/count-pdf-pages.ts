/** Number of page objects in a PDF written by Chromium/Skia (page dictionaries are not in object streams there). */
export function countPdfPages(pdf: Uint8Array): number {
  const text = new TextDecoder('latin1').decode(pdf)
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0
}
