import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useLayoutEffect, useRef } from 'react'
import { pageGeometry as g } from '../../core/export/print-html/page-geometry'
import { PAGE_PITCH_PX, SHEET_GAP_PX, mmPx, paginationKey } from '../editor/extensions/pagination'

interface PageSheetsProps {
  editor: Editor
  mirrorMargins: boolean
  /** The report's status (稿别), printed at the head of every page as the PDF's header does; null for a 正式稿. */
  draftLabel: string | null
}

const ptPx = 96 / 72

/**
 * The A4 sheets behind the page view, one per page the pagination found, with the printed page number `— N —`
 * (宋体 14 pt, 7 mm under the type area, odd pages right and even pages left, one character in) and, for a draft,
 * its label centred over the type area 15 mm from the top in 黑体 (print-css.ts `@top-center`).
 */
export function PageSheets({ editor, mirrorMargins, draftLabel }: PageSheetsProps) {
  const pages = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const state = paginationKey.getState(current.state)
      return state?.enabled ? state.breaks.length + 1 : 0
    },
  })
  const height = pages * PAGE_PITCH_PX - SHEET_GAP_PX
  // The page view is as tall as its sheets (the last one is whole even when its text ends early).
  const layerRef = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    const page = layerRef.current?.parentElement
    if (!page) return
    page.style.minHeight = `${height}px`
    return () => {
      page.style.minHeight = ''
    }
  }, [height, pages])
  if (!pages) return null
  const numberTop = (g.topMm + g.areaHeightMm + g.pageNumberGapMm) * mmPx - (g.pageNumberSizePt / 2) * ptPx
  const inset = `calc(${g.pageNumberSizePt}pt + ${g.outsideMm}mm)`
  const sheets = []
  for (let index = 0; index < pages; index++) {
    const top = index * PAGE_PITCH_PX
    const odd = index % 2 === 0
    const shift = mirrorMargins && !odd ? (g.bindingMm - g.outsideMm) * mmPx : 0
    sheets.push(
      <div key={index} className="page-sheet" style={{ top, left: shift }} data-page={index + 1}>
        <span
          className="page-number"
          style={
            odd
              ? { top: numberTop, right: inset }
              : { top: numberTop, left: `calc(${g.pageNumberSizePt}pt + ${g.bindingMm}mm - ${shift}px)` }
          }
        >
          {`— ${index + 1} —`}
        </span>
        {draftLabel && (
          <span
            className="page-label"
            style={{ top: g.headerMm * mmPx, left: g.bindingMm * mmPx - shift, width: g.areaWidthMm * mmPx }}
          >
            {draftLabel}
          </span>
        )}
      </div>,
    )
  }
  return (
    <div className="page-sheets" aria-hidden="true" ref={layerRef} style={{ height }}>
      {sheets}
    </div>
  )
}
