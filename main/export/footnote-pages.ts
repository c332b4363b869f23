import { footSlackPt, noteSeparatorPt } from '../../core/layout/footnote-area'
import { pageGeometry } from '../../core/export/print-html/page-geometry'

/**
 * True when a print-HTML document has footnotes to place (core/export/print-html/block-html.ts writes them as a
 * `section.notes` list after the body).
 */
export function hasFootnotes(html: string): boolean {
  return html.includes('<section class="notes">')
}

/**
 * The script that puts each footnote at the foot of the page holding its reference (Chromium has no CSS footnotes).
 * It runs in the loaded print page through DevTools (`Runtime.evaluate`; the page's own scripts stay off) before
 * `printToPDF`, and resolves to the number of pages it laid out.
 *
 * The layout is deterministic (fixed line pitch, 28-character lines), so the script measures the flow once at the
 * type-area width and paginates it as Chromium's print does (docs/layout.md: lines at the pitch fill 225 mm;
 * paragraphs split between lines with two-line widows and orphans unless `break-inside: avoid`; headings stay with
 * what follows; tables split between rows and repeat their header rows), except that a page's body gets only what the
 * type area leaves once the notes of its references are set. Then it writes that pagination into the document:
 * a paragraph crossing a page is cut into two paragraphs at the first character of the page's first line (the first
 * part's last line justified, the second without indent), a table into two tables (header rows repeated), and each
 * page ends with a `div.page-foot` that fills the rest of the type area, holds the page's notes at its bottom
 * (separator rule, then the notes) and forces the page break. The end-notes list is removed.
 */
export const footnotePagesScript = `(async () => {
  const pxPerPt = 96 / 72
  const pxPerMm = 96 / 25.4
  const areaPx = ${pageGeometry.areaHeightMm} * pxPerMm
  const separatorPx = ${noteSeparatorPt} * pxPerPt
  const slackPx = ${footSlackPt} * pxPerPt
  const body = document.body
  const notesList = body.querySelector(':scope > section.notes')
  if (!notesList) return 0
  body.style.width = '${pageGeometry.areaWidthMm}mm'
  void body.offsetHeight
  await document.fonts.ready
  const origin = body.getBoundingClientRect().top
  const notes = new Map()
  for (const note of notesList.querySelectorAll('p.note')) {
    notes.set(note.dataset.note, { element: note, height: note.getBoundingClientRect().height })
  }
  const refsIn = element => [...element.querySelectorAll('sup.fnref[data-note]')]

  // Slices: the lines of text blocks and the rows of tables, with where a page may break before them.
  const slices = []
  let keepWithPrevious = false
  for (const element of [...body.children]) {
    if (element === notesList) continue
    const style = getComputedStyle(element)
    const rect = element.getBoundingClientRect()
    if (!rect.height && element.tagName !== 'TABLE') continue
    const top = rect.top - origin
    const bottom = rect.bottom - origin
    const first = slices.length
    if (element.tagName === 'TABLE') {
      const headHeight = element.tHead ? element.tHead.getBoundingClientRect().height : 0
      const rows = [...element.tBodies].flatMap(section => [...section.rows])
      rows.forEach((row, index) => {
        const box = row.getBoundingClientRect()
        slices.push({
          element, row, kind: 'row', index, headHeight,
          top: index === 0 ? top : box.top - origin,
          bottom: box.bottom - origin,
          refs: refsIn(row).map(ref => ref.dataset.note),
          canBreak: index === 0 ? !keepWithPrevious : true,
        })
      })
      if (rows.length && element.tHead) slices[first].refs.push(...refsIn(element.tHead).map(ref => ref.dataset.note))
    } else {
      const lineHeight = parseFloat(style.lineHeight) || rect.height
      const lines = Math.max(1, Math.round(rect.height / lineHeight))
      const avoid = style.breakInside === 'avoid'
      const orphans = Number(style.orphans) || 1
      const widows = Number(style.widows) || 1
      for (let index = 0; index < lines; index++) {
        slices.push({
          element, kind: 'line', index, lineHeight,
          top: top + index * lineHeight,
          bottom: index === lines - 1 ? bottom : top + (index + 1) * lineHeight,
          refs: [],
          canBreak: index === 0 ? !keepWithPrevious : !avoid && index >= orphans && lines - index >= widows,
        })
      }
      for (const ref of refsIn(element)) {
        const box = ref.getBoundingClientRect()
        const line = Math.min(lines - 1, Math.max(0, Math.floor((box.top + box.height / 2 - origin - top) / lineHeight)))
        slices[first + line].refs.push(ref.dataset.note)
      }
    }
    if (slices.length > first) slices[slices.length - 1].marginAfter = parseFloat(style.marginBottom) || 0
    keepWithPrevious = style.breakAfter === 'avoid'
  }
  if (!slices.length) return 0

  const notesHeight = ids => {
    if (!ids.length) return 0
    return separatorPx + slackPx + ids.reduce((sum, id) => sum + (notes.get(id) ? notes.get(id).height : 0), 0)
  }
  // Greedy pages: as many slices as fit with the notes of their references; then back to the last allowed break.
  const pages = []
  for (let start = 0; start < slices.length; ) {
    const pageTop = slices[start].top
    const repeated = slices[start].kind === 'row' && slices[start].index > 0 ? slices[start].headHeight : 0
    let end = start
    const ids = []
    while (end < slices.length) {
      const slice = slices[end]
      const withThese = [...ids, ...slice.refs]
      const used = slice.bottom - pageTop + repeated
      if (end > start && (used > areaPx + 0.5 || (withThese.length && used + notesHeight(withThese) > areaPx))) break
      ids.push(...slice.refs)
      end++
    }
    if (end < slices.length) {
      let at = end
      while (at > start && !slices[at].canBreak) at--
      if (at > start) end = at
    }
    pages.push({ start, end, pageTop, repeated })
    start = end
  }

  // Where each page break is in the document, found on the measured layout before anything moves.
  const charAt = (element, threshold) => {
    const texts = []
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.length) texts.push(node)
    const offsets = []
    let total = 0
    for (const text of texts) {
      offsets.push(total)
      total += text.length
    }
    const locate = index => {
      let low = 0
      let high = texts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (offsets[middle] <= index) low = middle
        else high = middle - 1
      }
      return [texts[low], index - offsets[low]]
    }
    const range = document.createRange()
    const topOf = index => {
      const [text, offset] = locate(index)
      range.setStart(text, offset)
      range.setEnd(text, offset + 1)
      const rects = range.getClientRects()
      const rect = rects[rects.length - 1] || range.getBoundingClientRect()
      return rect.top - origin
    }
    let low = 0
    let high = total
    while (low < high) {
      const middle = (low + high) >> 1
      if (topOf(middle) >= threshold) high = middle
      else low = middle + 1
    }
    return low < total ? locate(low) : null
  }
  const cuts = pages.map((page, number) => {
    const last = slices[page.end - 1]
    const used = last.bottom + (page.end < slices.length && slices[page.end].element === last.element ? 0 : last.marginAfter || 0) - page.pageTop + page.repeated
    const ids = slices.slice(page.start, page.end).flatMap(slice => slice.refs)
    const next = number + 1 < pages.length ? slices[page.end] : null
    let at = null
    if (next && next.index > 0 && next.kind === 'line') at = charAt(next.element, next.top - next.lineHeight * 0.3)
    return { next, at, ids, height: Math.max(0, areaPx - used - slackPx) }
  })

  const foot = (cut, endsPage) => {
    const div = document.createElement('div')
    div.className = endsPage ? 'page-foot ends-page' : 'page-foot'
    div.style.height = cut.height + 'px'
    // Notes taller than the room the body leaves (a note of a page or more): they start under the body and run on
    // over the next pages, rather than up over the body; the body goes on after them.
    const notesPx = notesHeight(cut.ids.filter(id => notes.get(id)))
    if (notesPx > cut.height + slackPx + 0.5) {
      div.classList.add('runs-over')
      div.style.height = ''
      div.style.minHeight = cut.height + 'px'
    }
    if (cut.ids.length) {
      const rule = document.createElement('div')
      rule.className = 'fn-sep'
      div.append(rule)
      for (const id of cut.ids) if (notes.get(id)) div.append(notes.get(id).element.cloneNode(true))
    }
    return div
  }
  // A cell spanning rows across the break ends at it; an empty cell spans the rest of its rows on the next page
  // (as Word continues a vertically merged cell), in the same column.
  const splitSpans = (rows, at) => {
    const taken = []
    const column = new Map()
    rows.forEach((row, r) => {
      let c = 0
      for (const cell of row.cells) {
        while (taken[r] && taken[r][c]) c++
        column.set(cell, c)
        for (let dr = 0; dr < cell.rowSpan; dr++)
          for (let dc = 0; dc < cell.colSpan; dc++) (taken[r + dr] = taken[r + dr] || [])[c + dc] = true
        c += cell.colSpan
      }
    })
    const crossing = []
    rows.slice(0, at).forEach((row, r) => {
      for (const cell of row.cells) if (r + cell.rowSpan > at) crossing.push({ cell, r })
    })
    crossing.sort((a, b) => column.get(a.cell) - column.get(b.cell))
    for (const { cell, r } of crossing) {
      const rest = r + cell.rowSpan - at
      cell.rowSpan = at - r
      const more = cell.cloneNode(false)
      more.rowSpan = rest
      const blank = document.createElement('p')
      blank.className = 'cell'
      blank.append(document.createElement('br'))
      more.append(blank)
      const before = [...rows[at].cells].find(other => column.has(other) && column.get(other) > column.get(cell))
      rows[at].insertBefore(more, before || null)
    }
  }

  // From the last break back, so that the places found above stay valid while paragraphs and tables are cut.
  const lastCut = cuts[cuts.length - 1]
  const lastElement = slices[slices.length - 1].element
  lastElement.after(foot(lastCut, false))
  for (let number = cuts.length - 2; number >= 0; number--) {
    const cut = cuts[number]
    const next = cut.next
    if (next.index === 0) {
      next.element.before(foot(cut, true))
    } else if (next.kind === 'row') {
      const table = next.element
      const rest = table.cloneNode(false)
      for (const part of table.querySelectorAll(':scope > colgroup, :scope > thead')) rest.append(part.cloneNode(true))
      const tbody = document.createElement('tbody')
      const rows = [...table.tBodies].flatMap(section => [...section.rows])
      splitSpans(rows, next.index)
      for (const row of rows.slice(next.index)) tbody.append(row)
      rest.append(tbody)
      for (const section of [...table.tBodies]) if (!section.rows.length) section.remove()
      table.after(rest)
      table.after(foot(cut, true))
    } else if (cut.at) {
      const paragraph = next.element
      const range = document.createRange()
      range.setStart(cut.at[0], cut.at[1])
      range.setEnd(paragraph, paragraph.childNodes.length)
      const rest = paragraph.cloneNode(false)
      rest.append(range.extractContents())
      for (const heading of rest.querySelectorAll('[role="heading"]')) {
        heading.removeAttribute('role')
        heading.removeAttribute('aria-level')
      }
      paragraph.classList.add('cut')
      rest.classList.add('cont')
      paragraph.after(rest)
      paragraph.after(foot(cut, true))
    } else {
      next.element.before(foot(cut, true))
    }
  }
  notesList.remove()
  body.style.width = ''
  return pages.length
})()`
