import { footnotePagesScript, hasFootnotes } from './footnote-pages'

/** One page that prints: a hidden Electron window's webContents, or a Chromium page over the DevTools pipe. */
export interface PrintSurface {
  /** Replaces the page's document with this print HTML; resolves once it has loaded. */
  load(html: string): Promise<void>
  /**
   * Runs a script in the loaded document through DevTools (the page's own scripts stay off) and resolves to its
   * value; surfaces that cannot leave it out.
   */
  run?(script: string): Promise<unknown>
  /** The loaded document as PDF bytes (page size and margins from its CSS @page). */
  printToPdf(): Promise<Uint8Array>
  destroy(): void
}

export interface WarmPdfRenderer {
  (html: string): Promise<Uint8Array>
  /** Makes the surface now, before the first print (the app, once its window is up); a failure waits for a print. */
  warm(): Promise<void>
  /** Destroys the surface now (the app quits, the CLI run ends). */
  dispose(): Promise<void>
}

/**
 * A PDF renderer that keeps its page warm between exports: the surface is made on first use, reused for every
 * print (one at a time), made again after a print failed, and destroyed after `idleMs` without prints so an idle
 * app does not hold a renderer. An export through it costs loading the document and printing it, not a browser
 * or window start (in the app: Electron's `setPdfRenderer(warmPdfRenderer(() => hiddenWindowSurface()))`).
 */
export function warmPdfRenderer(
  create: () => PrintSurface | Promise<PrintSurface>,
  options: { idleMs?: number; scriptMs?: number } = {},
): WarmPdfRenderer {
  const idleMs = options.idleMs ?? 5 * 60_000
  // The footnote script lays out the generated 400-page report (512 pages) in 0.2 s; one still running after a minute
  // will not end.
  const scriptMs = options.scriptMs ?? 60_000
  let surface: Promise<PrintSurface> | undefined
  let queue: Promise<unknown> = Promise.resolve()
  let idleTimer: ReturnType<typeof setTimeout> | undefined

  const drop = async (): Promise<void> => {
    const current = surface
    surface = undefined
    await current?.then(
      made => made.destroy(),
      () => undefined,
    )
  }

  const dropWhenIdle = () => {
    if (idleTimer) clearTimeout(idleTimer)
    idleTimer = setTimeout(() => void drop(), idleMs)
    ;(idleTimer as { unref?: () => void }).unref?.()
  }

  const print = async (html: string): Promise<Uint8Array> => {
    if (idleTimer) clearTimeout(idleTimer)
    surface ??= Promise.resolve().then(create)
    const current = surface
    try {
      const page = await current
      await page.load(html)
      if (hasFootnotes(html) && page.run) {
        // Notes to the foot of their pages (footnote-pages.ts); should that fail, the notes print after the body.
        let timer: ReturnType<typeof setTimeout> | undefined
        const placed = await Promise.race([
          page.run(footnotePagesScript).then(
            () => true,
            () => false,
          ),
          new Promise<boolean>(resolve => {
            timer = setTimeout(() => resolve(false), scriptMs)
          }),
        ])
        clearTimeout(timer)
        if (!placed) await page.load(html)
      }
      return await page.printToPdf()
    } catch (error) {
      if (surface === current) void drop()
      throw error
    } finally {
      dropWhenIdle()
    }
  }

  const render = ((html: string) => {
    const printed = queue.then(() => print(html))
    queue = printed.catch(() => undefined)
    return printed
  }) as WarmPdfRenderer
  render.warm = async () => {
    if (surface) return
    const made = (surface = Promise.resolve().then(create))
    dropWhenIdle()
    await made.then(
      () => undefined,
      () => {
        if (surface === made) surface = undefined
      },
    )
  }
  render.dispose = () => {
    if (idleTimer) clearTimeout(idleTimer)
    return drop()
  }
  return render
}
