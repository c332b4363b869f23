import { strFromU8, strToU8 } from 'fflate'
import type { CommentThread, ReviewData } from '../review-data'
import type { SuggestionRef } from '../suggestion-attrs'
import { CLOSE, END, OPEN, SEP, type EncodedMarkup } from './encode-markup'

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

type Piece =
  { kind: 'plain'; text: string } | { kind: 'segment'; index: number; text: string } | { kind: 'end'; index: number }

/** Splits a w:t's (escaped) text at the markers of encode-markup.ts. */
function pieces(text: string): Piece[] {
  const out: Piece[] = []
  let at = 0
  while (at < text.length) {
    const open = text.indexOf(OPEN, at)
    const end = text.indexOf(END, at)
    const next = open < 0 ? end : end < 0 ? open : Math.min(open, end)
    if (next < 0) {
      out.push({ kind: 'plain', text: text.slice(at) })
      break
    }
    if (next > at) out.push({ kind: 'plain', text: text.slice(at, next) })
    if (next === open) {
      const sep = text.indexOf(SEP, next)
      const close = text.indexOf(CLOSE, sep)
      out.push({ kind: 'segment', index: Number(text.slice(next + 1, sep)), text: text.slice(sep + 1, close) })
      at = close + 1
    } else {
      const close = text.indexOf(CLOSE, next)
      out.push({ kind: 'end', index: Number(text.slice(next + 1, close)) })
      at = close + 1
    }
  }
  return out
}

const PARAGRAPH = /<w:p(?=[\s>])[^>]*>[\s\S]*?<\/w:p>/g
const RUN = /<w:r(?=[\s>])[^>]*>([\s\S]*?)<\/w:r>/g
const TEXT = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/

/** Comment ids of the DOCX: each anchored thread and each of its replies, in order. */
interface CommentNumbers {
  /** Thread id → numbers of the thread and its replies. */
  byThread: Map<string, number[]>
  threads: CommentThread[]
}

function numberComments(threads: CommentThread[], anchored: Set<string>): CommentNumbers {
  const byThread = new Map<string, number[]>()
  const kept: CommentThread[] = []
  let next = 0
  for (const thread of threads) {
    if (!anchored.has(thread.id)) continue
    kept.push(thread)
    byThread.set(
      thread.id,
      Array.from({ length: thread.replies.length + 1 }, () => next++),
    )
  }
  return { byThread, threads: kept }
}

function revisionAttrs(id: number, ref: SuggestionRef): string {
  return `w:id="${id}" w:author="${escapeXml(ref.author || '未署名')}"${ref.date ? ` w:date="${escapeXml(ref.date)}"` : ''}`
}

/**
 * Rewrites the built document.xml: runs carrying markers become w:ins / w:del (w:delText) runs, comment ranges
 * go around the runs of each comment (one range per thread and reply, as Word writes replies), and a paragraph
 * whose end was suggested gets w:ins / w:del in its w:pPr/w:rPr.
 */
export function applyMarkupToDocumentXml(xml: string, markup: EncodedMarkup, numbers: CommentNumbers): string {
  // Pass 1: where each comment starts and ends, counted in pieces over the whole document.
  const first = new Map<string, number>()
  const last = new Map<string, number>()
  let counter = 0
  for (const paragraph of xml.match(PARAGRAPH) ?? []) {
    if (!paragraph.includes(OPEN) && !paragraph.includes(END)) {
      counter += (paragraph.match(RUN) ?? []).length
      continue
    }
    for (const run of paragraph.match(RUN) ?? []) {
      const text = TEXT.exec(run)?.[1]
      for (const piece of text ? pieces(text) : [{ kind: 'plain' as const, text: '' }]) {
        if (piece.kind === 'segment')
          for (const id of markup.segments[piece.index]!.comments) {
            if (!first.has(id)) first.set(id, counter)
            last.set(id, counter)
          }
        counter++
      }
    }
  }
  let revision = 1000
  counter = 0
  const starts = (at: number) =>
    [...first]
      .filter(([, piece]) => piece === at)
      .flatMap(([id]) => numbers.byThread.get(id) ?? [])
      .map(number => `<w:commentRangeStart w:id="${number}"/>`)
      .join('')
  const ends = (at: number) =>
    [...last]
      .filter(([, piece]) => piece === at)
      .flatMap(([id]) => numbers.byThread.get(id) ?? [])
      .map(number => `<w:commentRangeEnd w:id="${number}"/><w:r><w:commentReference w:id="${number}"/></w:r>`)
      .join('')

  return xml.replace(PARAGRAPH, paragraph => {
    if (!paragraph.includes(OPEN) && !paragraph.includes(END)) {
      counter += (paragraph.match(RUN) ?? []).length
      return paragraph
    }
    let paragraphEnd: SuggestionRef | null = null
    const body = paragraph.replace(RUN, (run, inner: string) => {
      const match = TEXT.exec(inner)
      if (!match) {
        counter++
        return run
      }
      const open = run.slice(0, run.indexOf('>') + 1)
      const rPr = /^<w:rPr>[\s\S]*?<\/w:rPr>/.exec(inner)?.[0] ?? ''
      const beforeText = inner.slice(rPr.length, match.index)
      const afterText = inner.slice(match.index + match[0].length)
      const parts = pieces(match[1]!)
      let out = ''
      parts.forEach((piece, index) => {
        const extra = (index === 0 ? beforeText : '') + ''
        const tail = index === parts.length - 1 ? afterText : ''
        if (piece.kind === 'end') {
          paragraphEnd = markup.ends[piece.index] ?? null
          // A break the end marker's run carried stays.
          if (extra || tail) out += `${open}${rPr}${extra}${tail}</w:r>`
          counter++
          return
        }
        const at = counter++
        out += starts(at)
        if (piece.kind === 'plain') {
          if (piece.text || extra || tail)
            out += `${open}${rPr}${extra}<w:t xml:space="preserve">${piece.text}</w:t>${tail}</w:r>`
        } else {
          const segment = markup.segments[piece.index]!
          const deleted = segment.deletion !== null
          const textXml = deleted
            ? `<w:delText xml:space="preserve">${piece.text}</w:delText>`
            : `<w:t xml:space="preserve">${piece.text}</w:t>`
          let runXml = `${open}${rPr}${extra}${textXml}${tail}</w:r>`
          if (segment.deletion) runXml = `<w:del ${revisionAttrs(revision++, segment.deletion)}>${runXml}</w:del>`
          if (segment.insertion) runXml = `<w:ins ${revisionAttrs(revision++, segment.insertion)}>${runXml}</w:ins>`
          out += runXml
        }
        out += ends(at)
      })
      return out
    })
    const end = paragraphEnd as SuggestionRef | null
    if (!end) return body
    const mark = `<w:${end.kind === 'insertion' ? 'ins' : 'del'} ${revisionAttrs(revision++, end)}/>`
    if (/<w:pPr>[\s\S]*?<w:rPr>/.test(body.slice(0, body.indexOf('</w:pPr>') + 8)))
      return body.replace(/(<w:pPr>[\s\S]*?<w:rPr>)/, `$1${mark}`)
    if (body.includes('</w:pPr>')) return body.replace('</w:pPr>', `<w:rPr>${mark}</w:rPr></w:pPr>`)
    return body.replace(/^(<w:p(?=[\s>])[^>]*>)/, `$1<w:pPr><w:rPr>${mark}</w:rPr></w:pPr>`)
  })
}

const W_NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'mc:Ignorable="w14 w15"',
].join(' ')

/** w14:paraId of a comment's paragraph (below 0x80000000, as the schema wants). */
const paraIdOf = (number: number) => (number + 1).toString(16).toUpperCase().padStart(8, '0')

function commentXml(number: number, author: string, date: string, text: string): string {
  const paragraphs = text.split('\n')
  return (
    `<w:comment w:id="${number}" w:author="${escapeXml(author || '未署名')}"${date ? ` w:date="${escapeXml(date)}"` : ''} w:initials="${escapeXml((author || '未').slice(0, 1))}">` +
    paragraphs
      .map(
        (line, index) =>
          `<w:p${index === paragraphs.length - 1 ? ` w14:paraId="${paraIdOf(number)}"` : ''}>` +
          (index === 0 ? '<w:r><w:annotationRef/></w:r>' : '') +
          `<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`,
      )
      .join('') +
    '</w:comment>'
  )
}

/** word/comments.xml and word/commentsExtended.xml (replies by w15:paraIdParent, resolved by w15:done). */
function commentParts(numbers: CommentNumbers): { comments: string; extended: string } {
  let comments = ''
  let extended = ''
  for (const thread of numbers.threads) {
    const [root, ...replies] = numbers.byThread.get(thread.id)!
    comments += commentXml(root!, thread.author, thread.date, thread.text)
    extended += `<w15:commentEx w15:paraId="${paraIdOf(root!)}" w15:done="${thread.resolved ? 1 : 0}"/>`
    thread.replies.forEach((reply, index) => {
      comments += commentXml(replies[index]!, reply.author, reply.date, reply.text)
      extended += `<w15:commentEx w15:paraId="${paraIdOf(replies[index]!)}" w15:paraIdParent="${paraIdOf(root!)}" w15:done="${thread.resolved ? 1 : 0}"/>`
    })
  }
  return {
    comments: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${W_NS}>${comments}</w:comments>`,
    extended: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${W_NS}>${extended}</w15:commentsEx>`,
  }
}

/** Settings elements that come after w:trackRevisions in CT_Settings (Word wants the schema's order). */
const afterTrackRevisions = [
  'doNotTrackMoves',
  'doNotTrackFormatting',
  'documentProtection',
  'autoFormatOverride',
  'styleLockTheme',
  'styleLockQFSet',
  'defaultTabStop',
  'autoHyphenation',
  'consecutiveHyphenLimit',
  'hyphenationZone',
  'doNotHyphenateCaps',
  'showEnvelope',
  'summaryLength',
  'clickAndTypeStyle',
  'defaultTableStyle',
  'evenAndOddHeaders',
  'bookFoldRevPrinting',
  'bookFoldPrinting',
  'bookFoldPrintingSheets',
  'drawingGridHorizontalSpacing',
  'drawingGridVerticalSpacing',
  'displayHorizontalDrawingGridEvery',
  'displayVerticalDrawingGridEvery',
  'doNotUseMarginsForDrawingGridOrigin',
  'drawingGridHorizontalOrigin',
  'drawingGridVerticalOrigin',
  'doNotShadeFormData',
  'noPunctuationKerning',
  'characterSpacingControl',
  'compat',
]

/** settings.xml with 修订 (track changes) on, so what the recipient edits comes back as revisions. */
function withTrackRevisions(settings: string): string {
  if (settings.includes('<w:trackRevisions')) return settings
  for (const name of afterTrackRevisions) {
    const at = settings.search(new RegExp(`<w:${name}[\\s/>]`))
    if (at >= 0) return settings.slice(0, at) + '<w:trackRevisions/>' + settings.slice(at)
  }
  return settings.replace('</w:settings>', '<w:trackRevisions/></w:settings>')
}

function addOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="${part}"`)) return types
  return types.replace('</Types>', `<Override ContentType="${contentType}" PartName="${part}"/></Types>`)
}

function addRelationship(rels: string, id: string, type: string, target: string): string {
  if (rels.includes(`Target="${target}"`)) return rels
  return rels.replace(
    '</Relationships>',
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/></Relationships>`,
  )
}

/**
 * The files of a DOCX built from the encoded document (encode-markup.ts), changed in place so the markup is Word's:
 * revisions in document.xml, the comment threads in comments.xml and commentsExtended.xml, and 修订 switched on in
 * settings.xml, so the recipient's own edits come back tracked.
 */
export function applyMarkup(
  files: Record<string, Uint8Array>,
  markup: EncodedMarkup,
  review: Pick<ReviewData, 'comments'>,
): void {
  const anchored = new Set(markup.segments.flatMap(segment => segment.comments))
  const numbers = numberComments(review.comments, anchored)
  files['word/document.xml'] = strToU8(
    applyMarkupToDocumentXml(strFromU8(files['word/document.xml']!), markup, numbers),
  )
  files['word/settings.xml'] = strToU8(withTrackRevisions(strFromU8(files['word/settings.xml']!)))
  if (numbers.threads.length) {
    const parts = commentParts(numbers)
    files['word/comments.xml'] = strToU8(parts.comments)
    files['word/commentsExtended.xml'] = strToU8(parts.extended)
    let types = strFromU8(files['[Content_Types].xml']!)
    types = addOverride(
      types,
      '/word/comments.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml',
    )
    types = addOverride(
      types,
      '/word/commentsExtended.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml',
    )
    files['[Content_Types].xml'] = strToU8(types)
    let rels = strFromU8(files['word/_rels/document.xml.rels']!)
    rels = addRelationship(
      rels,
      'rIdWrsComments',
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
      'comments.xml',
    )
    rels = addRelationship(
      rels,
      'rIdWrsCommentsEx',
      'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
      'commentsExtended.xml',
    )
    files['word/_rels/document.xml.rels'] = strToU8(rels)
  }
}
