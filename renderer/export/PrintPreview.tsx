import { PDFWorker, getDocument, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist'
import PdfWorker from 'pdfjs-dist/build/pdf.worker.min.mjs?worker'
import { useEffect, useRef, useState } from 'react'
import './export.css'

export interface PrintPreviewProps {
  /** The PDF exactly as it will be saved or printed (from window.api.previewPdf). */
  pdf: Uint8Array
  /** CSS pixels per PDF point; 1 shows A4 at 595 × 842 px. */
  scale?: number
  onPageCount?(count: number): void
  /** The page that fills most of the view changed (1-based). */
  onVisiblePage?(page: number): void
  onError?(message: string): void
}

let worker: PDFWorker | undefined

/**
 * One bundled module worker for the whole app (script-src 'self': no blob, no eval). Passed to every
 * document explicitly, so destroying a document (a new preview, a closed dialog) never ends it.
 */
function pdfWorker(): PDFWorker {
  worker ??= PDFWorker.create({ port: new PdfWorker() })
  return worker
}

async function renderPage(
  document: PDFDocumentProxy,
  number: number,
  canvas: HTMLCanvasElement,
  scale: number,
): Promise<void> {
  const page = await document.getPage(number)
  const ratio = Math.min(window.devicePixelRatio || 1, 2)
  const viewport = page.getViewport({ scale: scale * ratio })
  canvas.width = Math.floor(viewport.width)
  canvas.height = Math.floor(viewport.height)
  await page.render({ canvas, viewport }).promise
  page.cleanup()
}

/**
 * The real pages of the PDF drawn with pdf.js on canvases. Pages are drawn when they come near the
 * visible area and released when far away, so a 100-page report stays light.
 */
export function PrintPreview({ pdf, scale = 1, onPageCount, onVisiblePage, onError }: PrintPreviewProps) {
  const [document, setDocument] = useState<PDFDocumentProxy | null>(null)
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    let cancelled = false
    let task: PDFDocumentLoadingTask
    try {
      // pdf.js takes ownership of the buffer it is given: pass a copy.
      task = getDocument({
        data: pdf.slice(),
        worker: pdfWorker(),
        isEvalSupported: false,
        useSystemFonts: false,
        enableXfa: false,
      })
    } catch (error) {
      onError?.(error instanceof Error ? error.message : String(error))
      return
    }
    task.promise.then(
      loaded => {
        if (cancelled) return void loaded.destroy()
        setDocument(loaded)
        onPageCount?.(loaded.numPages)
      },
      (error: unknown) => {
        if (!cancelled) onError?.(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      cancelled = true
      setDocument(null)
      void task.destroy()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callbacks are notifications only
  }, [pdf])

  useEffect(() => {
    const root = container.current
    if (!document || !root) return
    const drawn = new Map<number, Promise<void>>()
    const observer = new IntersectionObserver(
      entries => {
        for (const entry of entries) {
          const canvas = entry.target as HTMLCanvasElement
          const number = Number(canvas.dataset.page)
          if (entry.isIntersecting && !drawn.has(number)) {
            drawn.set(
              number,
              renderPage(document, number, canvas, scale).catch((error: unknown) =>
                onError?.(error instanceof Error ? error.message : String(error)),
              ),
            )
          } else if (!entry.isIntersecting && drawn.has(number)) {
            void drawn.get(number)!.then(() => {
              canvas.width = 0
              canvas.height = 0
            })
            drawn.delete(number)
          }
        }
      },
      { root, rootMargin: '1200px 0px' },
    )
    const ratios = new Map<number, number>()
    const visible = new IntersectionObserver(
      entries => {
        for (const entry of entries)
          ratios.set(Number((entry.target as HTMLElement).dataset.page), entry.intersectionRatio)
        let best = 1
        for (const [number, ratio] of ratios)
          if (ratio > (ratios.get(best) ?? 0) || (ratio === ratios.get(best) && number < best)) best = number
        onVisiblePage?.(best)
      },
      { root, threshold: [0, 0.25, 0.5, 0.75, 1] },
    )
    for (const canvas of root.querySelectorAll('canvas')) {
      observer.observe(canvas)
      visible.observe(canvas)
    }
    return () => {
      observer.disconnect()
      visible.disconnect()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- callbacks are notifications only
  }, [document, scale])

  const width = 595.28 * scale
  return (
    <div className="print-preview" ref={container} data-testid="print-preview" aria-busy={document === null}>
      {document &&
        Array.from({ length: document.numPages }, (_, index) => (
          <canvas
            key={index}
            className="print-page"
            data-page={index + 1}
            style={{ width: `min(100% - 16px, ${width}px)` }}
            aria-label={`— ${index + 1} —`}
          />
        ))}
    </div>
  )
}
