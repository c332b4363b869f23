import { inspectDocxBytes, type DocxLimits, type DocxInspection } from './inspect-docx'
import { transitionalPackage } from './strict-ooxml'

/**
 * A DOCX package as every reader here opens it (the import and the review round's reader of returned copies): the
 * checks of inspect-docx.ts (size, encryption, truncation, zip bombs, the main part named by the relationships),
 * then a Strict package's names in their Transitional form (strict-ooxml.ts). Parts are found through their
 * relationships (`relatedPart`), since Strict and other writers may name them otherwise.
 */
export type OpenedDocx = Extract<DocxInspection, { ok: true }> & { strict: boolean }

export function openDocxPackage(
  bytes: Uint8Array,
  fileName: string,
  limits?: DocxLimits,
): OpenedDocx | Extract<DocxInspection, { ok: false }> {
  const inspected = limits ? inspectDocxBytes(bytes, fileName, limits) : inspectDocxBytes(bytes, fileName)
  if (!inspected.ok) return inspected
  const { files, strict } = transitionalPackage(inspected.files)
  return { ok: true, files, mainPart: inspected.mainPart, strict }
}

/** The relationships part of a part (`word/_rels/document.xml.rels` for `word/document.xml`; `_rels/.rels` for ''). */
function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** A relationship target resolved against the folder of its source part (`../x`, `/x`, `x`). */
function resolveTarget(source: string, target: string): string {
  const decoded = decodeURIComponent(target)
  const parts = decoded.startsWith('/') ? [] : source.split('/').slice(0, -1)
  for (const segment of decoded.replace(/^\//, '').split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

/**
 * The part that `source` (a part name; '' for the package) relates to with a relationship of the given type
 * (Transitional form), when the package has it; else `fallback` when that part exists.
 */
export function relatedPart(
  files: Record<string, Uint8Array>,
  source: string,
  type: string,
  fallback?: string,
): string | undefined {
  const rels = files[source === '' ? '_rels/.rels' : relsPartOf(source)]
  if (rels) {
    const xml = new TextDecoder().decode(rels)
    for (const match of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
      const attributes = match[1]!
      if (/\bTargetMode="External"/.test(attributes)) continue
      if (/\bType="([^"]*)"/.exec(attributes)?.[1] !== type) continue
      const target = /\bTarget="([^"]*)"/.exec(attributes)?.[1]
      if (!target) continue
      const name = resolveTarget(source, target)
      if (files[name]) return name
    }
  }
  return fallback !== undefined && files[fallback] ? fallback : undefined
}
