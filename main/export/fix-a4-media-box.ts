const a4 = [595.27559, 841.88976] as const

/**
 * Chromium rounds an A4 page to 594.96 × 841.92 pt (whole 1/300 inch). This rewrites every
 * near-A4 `/MediaBox` to exact A4 (595.28 × 841.89 pt) in place, keeping each number's byte
 * length so the cross-reference offsets stay valid. Content is anchored at the top left, so it
 * moves by at most 0.03 pt.
 */
export function fixA4MediaBox(pdf: Uint8Array): Uint8Array {
  const text = new TextDecoder('latin1').decode(pdf)
  const out = pdf.slice()
  const pattern = /\/MediaBox\s*\[\s*0\s+0\s+(\d+(?:\.\d+)?)\s+(\d+(?:\.\d+)?)\s*\]/dg
  for (const match of text.matchAll(pattern)) {
    const values = [match[1]!, match[2]!]
    if (values.some((value, index) => Math.abs(Number(value) - a4[index]!) > 1)) continue
    values.forEach((value, index) => {
      const start = match.indices![index + 1]![0]
      const decimals = Math.min(5, Math.max(0, value.length - 4))
      const formatted = a4[index]!.toFixed(decimals).slice(0, value.length).padEnd(value.length, ' ')
      for (let offset = 0; offset < formatted.length; offset++) out[start + offset] = formatted.charCodeAt(offset)
    })
  }
  return out
}
