/**
 * ISO/IEC 29500 Strict packages (Word's “Strict Open XML 文档”) use other namespace names and relationship types
 * than the Transitional ones every reader here knows (`http://purl.oclc.org/ooxml/wordprocessingml/main` for
 * `http://schemas.openxmlformats.org/wordprocessingml/2006/main`). mammoth finds parts only by the Transitional
 * relationship types and falls back to fixed names, so a Strict package whose parts are named otherwise was refused
 * as broken. The names are translated here, part by part, before anything reads them; element and attribute names
 * are the same in both.
 */

const strictPrefix = 'http://purl.oclc.org/ooxml/'

/** Strict names whose Transitional name is not `<area>/2006/<name>` with the same last word. */
const renamed: Record<string, string> = {
  'officeDocument/extendedProperties': 'officeDocument/2006/extended-properties',
  'officeDocument/customProperties': 'officeDocument/2006/custom-properties',
}

/** Strict relationship types whose Transitional type has another last word. */
const renamedTypes: Record<string, string> = {
  extendedProperties: 'extended-properties',
  customProperties: 'custom-properties',
}

/** Every Strict namespace name or relationship type in a text: `purl.oclc.org/ooxml/<area>/<name>[/<type>]`. */
const strictName = /http:\/\/purl\.oclc\.org\/ooxml\/([A-Za-z]+)\/([A-Za-z]+)(?:\/([A-Za-z-]+))?/g

/** A Strict name as its Transitional counterpart (`relationships/styles`, `wordprocessingml/main`…). */
export function transitionalName(area: string, name: string, type?: string): string {
  const base = renamed[`${area}/${name}`] ?? `${area}/2006/${name}`
  const tail = type === undefined ? '' : `/${renamedTypes[type] ?? type}`
  return `http://schemas.openxmlformats.org/${base}${tail}`
}

/**
 * The package's XML parts with Strict namespace names and relationship types in their Transitional form, and
 * whether any part had them; other parts and a Transitional package come back as they are (the same objects).
 */
export function transitionalPackage(files: Record<string, Uint8Array>): {
  files: Record<string, Uint8Array>
  strict: boolean
} {
  const decoder = new TextDecoder()
  const encoder = new TextEncoder()
  let out: Record<string, Uint8Array> | undefined
  for (const [name, bytes] of Object.entries(files)) {
    if (!/\.(xml|rels)$/i.test(name)) continue
    const xml = decoder.decode(bytes)
    if (!xml.includes(strictPrefix)) continue
    out ??= { ...files }
    out[name] = encoder.encode(
      xml.replace(strictName, (_whole, area: string, part: string, type?: string) =>
        transitionalName(area, part, type),
      ),
    )
  }
  return out ? { files: out, strict: true } : { files, strict: false }
}
