import { Parser } from 'htmlparser2'
import type { Byline, CopyComment, CopyParagraph, CopyRun, FeedbackCopy, FeedbackParts } from './feedback-copy'

const localName = (name: string): string => name.slice(name.indexOf(':') + 1)

/** Subtrees whose text is not body text (text boxes, alternate content, field codes, formatting history). */
const skipped = new Set([
  'txbxContent',
  'Fallback',
  'instrText',
  'delInstrText',
  'rPrChange',
  'pPrChange',
  'sectPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'numberingChange',
  'sectPr',
  'footnoteReference',
  'endnoteReference',
])

function attr(attributes: Record<string, string>, name: string): string {
  for (const [key, value] of Object.entries(attributes)) if (localName(key) === name) return value
  return ''
}

function bylineOf(attributes: Record<string, string>): Byline {
  return { author: attr(attributes, 'author'), date: attr(attributes, 'date') }
}

const HEADING_STYLE = /^(?:heading|标题)\s*([1-4])$/i

function newParagraph(inTable: boolean): CopyParagraph {
  return { runs: [], mark: null, headingLevel: 0, inTable, commentStarts: [], commentEnds: [], commentRefs: [] }
}

function addText(paragraph: CopyParagraph, kind: CopyRun['kind'], byline: Byline, text: string): void {
  if (!text) return
  const last = paragraph.runs[paragraph.runs.length - 1]
  if (last && last.kind === kind && last.author === byline.author && last.date === byline.date) last.text += text
  else paragraph.runs.push({ kind, text, ...byline })
}

const length = (paragraph: CopyParagraph) => paragraph.runs.reduce((sum, run) => sum + run.text.length, 0)

/** Body paragraphs of document.xml with their tracked changes and comment boundaries. */
function readBody(xml: string): CopyParagraph[] {
  const paragraphs: CopyParagraph[] = []
  const stack: string[] = []
  const revisions: Array<{ kind: 'ins' | 'del'; byline: Byline }> = []
  let skipDepth = 0
  let tableDepth = 0
  let paragraph: CopyParagraph | null = null
  let pendingStarts: string[] = []
  let textTarget: 'keep' | 'del' | null = null
  const inside = (name: string) => stack.includes(name)
  const current = (): { kind: CopyRun['kind']; byline: Byline } => {
    const top = revisions[revisions.length - 1]
    return top ? { kind: top.kind, byline: top.byline } : { kind: 'keep', byline: { author: '', date: '' } }
  }
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = localName(rawName)
        stack.push(name)
        if (skipDepth > 0 || skipped.has(name)) {
          skipDepth++
          return
        }
        switch (name) {
          case 'tbl':
            tableDepth++
            break
          case 'p':
            paragraph = newParagraph(tableDepth > 0)
            for (const id of pendingStarts) paragraph.commentStarts.push({ id, at: 0 })
            pendingStarts = []
            break
          case 'pStyle': {
            const match = HEADING_STYLE.exec(attr(attributes, 'val').replace(/(\D)(\d)$/, '$1 $2'))
            if (paragraph && match) paragraph.headingLevel = Number(match[1])
            break
          }
          case 'outlineLvl': {
            const level = Number(attr(attributes, 'val'))
            if (paragraph && inside('pPr') && level >= 0 && level <= 3 && !paragraph.headingLevel)
              paragraph.headingLevel = level + 1
            break
          }
          case 'ins':
          case 'del':
          case 'moveFrom':
          case 'moveTo': {
            const kind = name === 'ins' || name === 'moveTo' ? 'ins' : 'del'
            if (inside('pPr')) {
              if (paragraph && inside('rPr')) paragraph.mark = { kind, ...bylineOf(attributes) }
            } else revisions.push({ kind, byline: bylineOf(attributes) })
            break
          }
          case 't':
            textTarget = 'keep'
            break
          case 'delText':
            textTarget = 'del'
            break
          case 'tab':
            if (paragraph && inside('r') && !inside('rPr')) addText(paragraph, current().kind, current().byline, '\t')
            break
          case 'br':
          case 'cr': {
            const type = attr(attributes, 'type')
            if (paragraph && inside('r') && type !== 'page' && type !== 'column')
              addText(paragraph, current().kind, current().byline, '\n')
            break
          }
          case 'noBreakHyphen':
            if (paragraph) addText(paragraph, current().kind, current().byline, '-')
            break
          case 'commentRangeStart': {
            const id = attr(attributes, 'id')
            if (paragraph) paragraph.commentStarts.push({ id, at: length(paragraph) })
            else pendingStarts.push(id)
            break
          }
          case 'commentRangeEnd': {
            const id = attr(attributes, 'id')
            const target = paragraph ?? paragraphs[paragraphs.length - 1]
            if (target) target.commentEnds.push({ id, at: length(target) })
            break
          }
          case 'commentReference':
            if (paragraph) paragraph.commentRefs.push({ id: attr(attributes, 'id'), at: length(paragraph) })
            break
        }
      },
      ontext(text) {
        if (skipDepth > 0 || !paragraph || !textTarget) return
        const { kind, byline } = current()
        // delText outside a deletion (malformed) still counts as deleted text.
        addText(paragraph, textTarget === 'del' && kind === 'keep' ? 'del' : kind, byline, text)
      },
      onclosetag(rawName) {
        const name = localName(rawName)
        stack.pop()
        if (skipDepth > 0) {
          skipDepth--
          return
        }
        switch (name) {
          case 'tbl':
            tableDepth--
            break
          case 'p':
            if (paragraph) paragraphs.push(paragraph)
            paragraph = null
            break
          case 'ins':
          case 'del':
          case 'moveFrom':
          case 'moveTo':
            if (!inside('pPr')) revisions.pop()
            break
          case 't':
          case 'delText':
            textTarget = null
            break
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  return paragraphs
}

/** comments.xml and the threads of commentsExtended.xml. */
function readComments(xml: string | undefined, extendedXml: string | undefined): CopyComment[] {
  if (!xml) return []
  const comments: CopyComment[] = []
  let comment: CopyComment | null = null
  let paragraphs: string[] = []
  let text: string | null = null
  let inText = false
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        const name = localName(rawName)
        if (name === 'comment') {
          comment = {
            id: attr(attributes, 'id'),
            ...bylineOf(attributes),
            text: '',
            paraId: null,
            parentParaId: null,
            done: false,
            extended: false,
          }
          paragraphs = []
        } else if (comment && name === 'p') {
          text = ''
          const paraId = attr(attributes, 'paraId')
          if (paraId) comment.paraId = paraId
        } else if (comment && name === 't') inText = true
        else if (comment && text !== null && name === 'br') text += '\n'
      },
      ontext(value) {
        if (inText && text !== null) text += value
      },
      onclosetag(rawName) {
        const name = localName(rawName)
        if (name === 't') inText = false
        else if (name === 'p' && comment && text !== null) {
          paragraphs.push(text)
          text = null
        } else if (name === 'comment' && comment) {
          comment.text = paragraphs.join('\n').trim()
          comments.push(comment)
          comment = null
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  if (extendedXml) {
    const threads = new Map<string, { parent: string; done: boolean }>()
    const extended = new Parser(
      {
        onopentag(rawName, attributes) {
          if (localName(rawName) !== 'commentEx') return
          threads.set(attr(attributes, 'paraId'), {
            parent: attr(attributes, 'paraIdParent'),
            done: attr(attributes, 'done') === '1' || attr(attributes, 'done') === 'true',
          })
        },
      },
      { xmlMode: true },
    )
    extended.write(extendedXml)
    extended.end()
    for (const each of comments) {
      const thread = each.paraId ? threads.get(each.paraId) : undefined
      if (!thread) continue
      each.parentParaId = thread.parent || null
      each.done = thread.done
      each.extended = true
    }
  }
  return comments
}

/** Text of the first element with this local name (docProps), entities decoded. */
function elementText(xml: string | undefined, name: string): string {
  if (!xml) return ''
  let depth = 0
  let value = ''
  const parser = new Parser(
    {
      onopentag(rawName) {
        if (localName(rawName) === name && !value) depth++
      },
      ontext(text) {
        if (depth > 0) value += text
      },
      onclosetag(rawName) {
        if (localName(rawName) === name && depth > 0) depth--
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(xml)
  parser.end()
  return value.trim()
}

/** Our send id, kept as the custom document property `wrs-send-id`. */
function sendIdOf(customXml: string | undefined): string | null {
  if (!customXml) return null
  let inProperty = false
  let value = ''
  const parser = new Parser(
    {
      onopentag(rawName, attributes) {
        if (localName(rawName) === 'property' && attr(attributes, 'name') === SEND_ID_PROPERTY) inProperty = true
      },
      ontext(text) {
        if (inProperty) value += text
      },
      onclosetag(rawName) {
        if (localName(rawName) === 'property') inProperty = false
      },
    },
    { xmlMode: true, decodeEntities: true },
  )
  parser.write(customXml)
  parser.end()
  return value.trim() || null
}

/** Name of the custom document property that ties a 征求意见稿 copy to its send record. */
export const SEND_ID_PROPERTY = 'wrs-send-id'

/** Reads a returned copy from its parts (pure; main unzips the file). */
export function readFeedbackCopy(file: string, parts: FeedbackParts): FeedbackCopy {
  return {
    file,
    creator: elementText(parts.core, 'creator'),
    lastModifiedBy: elementText(parts.core, 'lastModifiedBy'),
    sendId: sendIdOf(parts.custom),
    paragraphs: readBody(parts.document),
    comments: readComments(parts.comments, parts.commentsExtended),
  }
}
