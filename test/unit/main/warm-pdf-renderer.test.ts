import { afterEach, describe, expect, it, vi } from 'vitest'
import { footnotePagesScript } from '../../../main/export/footnote-pages'
import { warmPdfRenderer, type PrintSurface } from '../../../main/export/warm-pdf-renderer'

function fakeSurfaces(options: { failOn?: string } = {}) {
  const made: Array<PrintSurface & { loaded: string[]; destroyed: boolean }> = []
  let active = 0
  let overlapped = false
  const create = () => {
    const surface = {
      loaded: [] as string[],
      destroyed: false,
      current: '',
      async load(html: string) {
        active++
        if (active > 1) overlapped = true
        await new Promise(resolve => setTimeout(resolve, 5))
        this.current = html
        this.loaded.push(html)
      },
      async printToPdf() {
        active--
        if (this.current === options.failOn) throw new Error('printing failed')
        return new TextEncoder().encode(`%PDF ${this.current}`)
      },
      destroy() {
        this.destroyed = true
      },
    }
    made.push(surface)
    return surface
  }
  return { made, create, overlapped: () => overlapped }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('warmPdfRenderer', () => {
  it('makes one surface and prints every document on it, one at a time, in order', async () => {
    const surfaces = fakeSurfaces()
    const render = warmPdfRenderer(surfaces.create)
    const pdfs = await Promise.all(['甲', '乙', '丙'].map(html => render(html)))
    expect(pdfs.map(pdf => new TextDecoder().decode(pdf))).toEqual(['%PDF 甲', '%PDF 乙', '%PDF 丙'])
    expect(surfaces.made).toHaveLength(1)
    expect(surfaces.made[0]!.loaded).toEqual(['甲', '乙', '丙'])
    expect(surfaces.overlapped()).toBe(false)
    await render.dispose()
    expect(surfaces.made[0]!.destroyed).toBe(true)
  })

  it('after a failed print, the next export gets a new surface', async () => {
    const surfaces = fakeSurfaces({ failOn: '坏' })
    const render = warmPdfRenderer(surfaces.create)
    await expect(render('坏')).rejects.toThrow('printing failed')
    expect(new TextDecoder().decode(await render('好'))).toBe('%PDF 好')
    expect(surfaces.made).toHaveLength(2)
    expect(surfaces.made[0]!.destroyed).toBe(true)
    await render.dispose()
  })

  it('destroys an idle surface and makes it again when needed', async () => {
    vi.useFakeTimers()
    const surfaces = fakeSurfaces()
    const render = warmPdfRenderer(surfaces.create, { idleMs: 1000 })
    const first = render('一')
    await vi.advanceTimersByTimeAsync(10)
    await first
    await vi.advanceTimersByTimeAsync(1001)
    expect(surfaces.made[0]!.destroyed).toBe(true)
    const second = render('二')
    await vi.advanceTimersByTimeAsync(10)
    await second
    expect(surfaces.made).toHaveLength(2)
    await render.dispose()
  })

  it('runs the footnote script on a document with notes before printing; if it fails, prints the notes after the body', async () => {
    const withNotes =
      '<body><p>正文<sup class="fnref" data-note="1">1</sup></p><section class="notes"><p class="note">注</p></section></body>'
    const steps: string[] = []
    let fail = false
    const surface: PrintSurface = {
      async load(html) {
        steps.push(`load ${html === withNotes ? 'notes' : html}`)
      },
      async run(script) {
        steps.push(script === footnotePagesScript ? 'place notes' : 'other script')
        if (fail) throw new Error('TypeError: x is undefined')
        return 3
      },
      async printToPdf() {
        steps.push('print')
        return new Uint8Array()
      },
      destroy() {},
    }
    const render = warmPdfRenderer(() => surface)
    await render('<p>无注</p>')
    await render(withNotes)
    expect(steps).toEqual(['load <p>无注</p>', 'print', 'load notes', 'place notes', 'print'])
    steps.length = 0
    fail = true
    await render(withNotes)
    expect(steps).toEqual(['load notes', 'place notes', 'load notes', 'print'])
    await render.dispose()
  })

  it('prints the notes after the body when the footnote script does not end', async () => {
    const steps: string[] = []
    const surface: PrintSurface = {
      async load() {
        steps.push('load')
      },
      run: () => new Promise(() => undefined),
      async printToPdf() {
        steps.push('print')
        return new Uint8Array()
      },
      destroy() {},
    }
    const render = warmPdfRenderer(() => surface, { scriptMs: 20 })
    await render('<section class="notes"><p class="note">注</p></section>')
    expect(steps).toEqual(['load', 'load', 'print'])
    await render.dispose()
  })
})
