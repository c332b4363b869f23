import type { RefObject } from 'react'
import { useLayoutEffect, useState } from 'react'
import { pageGeometry as g } from '../../core/export/print-html/page-geometry'
import type { Zoom } from '../../core/ipc/view-api'

const mmPx = 96 / 25.4
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2]

/** The next step up or down from the scale shown now (a fit zoom steps from what it shows). */
export function stepZoom(scale: number, direction: 1 | -1): number {
  const steps = direction > 0 ? ZOOM_STEPS : [...ZOOM_STEPS].reverse()
  return steps.find(step => (direction > 0 ? step > scale + 0.001 : step < scale - 0.001)) ?? steps.at(-1)!
}

/**
 * Scale of the page view: a fixed factor, or what fits the sheet's width (fit width) or the whole sheet (fit page)
 * into the canvas. The page is scaled with a transform, so lines and pages break exactly as at 100 %.
 */
export function useZoomScale(
  zoom: Zoom,
  canvasRef: RefObject<HTMLElement | null>,
  pageRef: RefObject<HTMLElement | null>,
): { scale: number; width: number; height: number } {
  const [canvas, setCanvas] = useState({ width: 0, height: 0 })
  const [page, setPage] = useState({ width: g.pageWidthMm * mmPx, height: g.pageHeightMm * mmPx })
  useLayoutEffect(() => {
    const canvasElement = canvasRef.current
    const pageElement = pageRef.current
    if (!canvasElement || !pageElement) return
    const measure = () => {
      const style = getComputedStyle(canvasElement)
      const padX = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight)
      const padY = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
      setCanvas({ width: canvasElement.clientWidth - padX, height: canvasElement.clientHeight - padY })
      setPage({ width: pageElement.offsetWidth, height: pageElement.offsetHeight })
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(canvasElement)
    observer.observe(pageElement)
    return () => observer.disconnect()
  }, [canvasRef, pageRef])
  const sheetWidth = g.pageWidthMm * mmPx
  const sheetHeight = g.pageHeightMm * mmPx
  const fitWidth = canvas.width > 0 ? canvas.width / sheetWidth : 1
  const fit =
    zoom === 'fitPage'
      ? Math.min(fitWidth, canvas.height > 0 ? canvas.height / sheetHeight : 1)
      : zoom === 'auto'
        ? Math.min(1, fitWidth)
        : fitWidth
  const scale = Math.min(2, Math.max(0.3, typeof zoom === 'number' ? zoom : fit))
  return { scale, width: page.width * scale, height: page.height * scale }
}
