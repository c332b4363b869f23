import type { BrowserWindow } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import type { NativeDialog } from '../../../main/electron/electron-dialogs'
import type { PrintWindow } from '../../../main/electron/print-to-pdf'
import { electronMock } from '../../security/electron-mock'

// The Electron-only paths behind their small interfaces, driven with fakes (no Electron binary here):
// printToPDF and print in a hidden window, the native dialogs, reload after the editor process died.
vi.mock('electron', () => electronMock())

const { electronPrinting, printWindowOptions } = await import('../../../main/electron/print-to-pdf')
const { electronDialogs } = await import('../../../main/electron/electron-dialogs')
const { handleRendererGone } = await import('../../../main/electron/renderer-gone')

/** A PDF as Chromium writes it: A4 rounded to 594.96 × 841.92 pt. */
const chromiumPdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Page /MediaBox [0 0 594.96 841.92] >>\n')

function fakeWindows(behaviour: { pdf?: () => Promise<Uint8Array>; print?: [boolean, string] } = {}) {
  const created: { options: unknown; loaded: string[]; destroyed: boolean; printOptions: unknown[] }[] = []
  const factory = (options: unknown): PrintWindow => {
    const record = { options, loaded: [] as string[], destroyed: false, printOptions: [] as unknown[] }
    created.push(record)
    return {
      loadURL: async url => {
        record.loaded.push(url)
      },
      destroy: () => {
        record.destroyed = true
      },
      webContents: {
        printToPDF: async options => {
          record.printOptions.push(options)
          return (behaviour.pdf ?? (async () => chromiumPdf))()
        },
        print: (options, callback) => {
          record.printOptions.push(options)
          const [success, reason] = behaviour.print ?? [true, '']
          setTimeout(() => callback(success, reason), 1)
        },
      },
    }
  }
  return { created, factory }
}

describe('PDF export in a hidden window (webContents.printToPDF)', () => {
  it('loads the print HTML as a data: URL in a hidden window without JavaScript, prints with the CSS page size, fixes A4', async () => {
    const { created, factory } = fakeWindows()
    const pdf = await electronPrinting(factory).printToPdf('<p>二〇二四年工作报告</p>')
    expect(created).toHaveLength(1)
    expect(created[0]!.options).toBe(printWindowOptions)
    expect(printWindowOptions).toMatchObject({
      show: false,
      webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
    })
    const url = created[0]!.loaded[0]!
    expect(url).toMatch(/^data:text\/html;charset=utf-8;base64,/)
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe('<p>二〇二四年工作报告</p>')
    expect(created[0]!.printOptions).toEqual([
      { preferCSSPageSize: true, printBackground: true, generateTaggedPDF: true, generateDocumentOutline: true },
    ])
    expect(new TextDecoder().decode(pdf)).toContain('/MediaBox [0 0 595.28 841.89]')
  })

  it('keeps the export window warm: one window for many exports, made before the first when warmed', async () => {
    const { created, factory } = fakeWindows()
    const printing = electronPrinting(factory)
    await printing.warm()
    expect(created).toHaveLength(1)
    expect(created[0]!.loaded).toEqual([])
    await printing.printToPdf('<p>第一份</p>')
    await printing.printToPdf('<p>第二份</p>')
    expect(created).toHaveLength(1)
    expect(created[0]!.loaded.map(url => Buffer.from(url.split(',')[1]!, 'base64').toString('utf8'))).toEqual([
      '<p>第一份</p>',
      '<p>第二份</p>',
    ])
    expect(created[0]!.destroyed).toBe(false)
    await printing.dispose()
    expect(created[0]!.destroyed).toBe(true)
  })

  it('destroys the window when printing fails, and the next export gets a new one', async () => {
    const { created, factory } = fakeWindows({
      pdf: async () => {
        throw new Error('Printing failed')
      },
    })
    const printing = electronPrinting(factory)
    await expect(printing.printToPdf('<p>x</p>')).rejects.toThrow('Printing failed')
    await vi.waitFor(() => expect(created[0]!.destroyed).toBe(true))
    await expect(printing.printToPdf('<p>y</p>')).rejects.toThrow('Printing failed')
    expect(created).toHaveLength(2)
  })
})

describe('printing with the system dialog (webContents.print)', () => {
  it('resolves true when printed, false when the user cancelled', async () => {
    const printed = fakeWindows({ print: [true, ''] })
    expect(await electronPrinting(printed.factory).printWithDialog('<p>x</p>')).toBe(true)
    expect(printed.created[0]!.printOptions).toEqual([{ silent: false, printBackground: true }])
    expect(printed.created[0]!.destroyed).toBe(true)
    const cancelled = fakeWindows({ print: [false, 'cancelled'] })
    expect(await electronPrinting(cancelled.factory).printWithDialog('<p>x</p>')).toBe(false)
  })

  it('a printer failure is an error with a zh-CN sentence, not a silent cancel', async () => {
    const failed = fakeWindows({ print: [false, 'Print job failed'] })
    await expect(electronPrinting(failed.factory).printWithDialog('<p>x</p>')).rejects.toThrow(
      /^没有打印（Print job failed）。请检查打印机/,
    )
    expect(failed.created[0]!.destroyed).toBe(true)
  })
})

describe('native dialogs (electron dialog module)', () => {
  function fakeNative(answers: { open?: string[] | null; save?: string | null; box?: number[] } = {}) {
    const calls: [string, unknown, unknown][] = []
    const native: NativeDialog = {
      showOpenDialog: async (window, options) => {
        calls.push(['open', window, options])
        return answers.open ? { canceled: false, filePaths: answers.open } : { canceled: true, filePaths: [] }
      },
      showSaveDialog: async (window, options) => {
        calls.push(['save', window, options])
        return answers.save ? { canceled: false, filePath: answers.save } : { canceled: true, filePath: '' }
      },
      showMessageBox: async (window, options) => {
        calls.push(['box', window, options])
        return { response: answers.box?.shift() ?? 0 }
      },
    }
    return { native, calls }
  }
  const parent = { id: 1 } as unknown as BrowserWindow
  const filters = [{ name: '工作报告', extensions: ['wrs'] }]

  it('open and save: modal to the window, the chosen path or null when cancelled', async () => {
    const chosen = fakeNative({ open: ['/docs/a.wrs'], save: '/docs/b.wrs' })
    const dialogs = electronDialogs(() => parent, chosen.native)
    expect(await dialogs.openFile({ title: '打开工作报告', filters })).toBe('/docs/a.wrs')
    expect(await dialogs.saveFile({ title: '保存工作报告', defaultPath: '报告.wrs', filters })).toBe('/docs/b.wrs')
    expect(chosen.calls.map(([kind, window]) => [kind, window])).toEqual([
      ['open', parent],
      ['save', parent],
    ])
    expect(chosen.calls[0]![2]).toEqual({ title: '打开工作报告', filters, properties: ['openFile'] })
    const cancelled = fakeNative()
    const noWindow = electronDialogs(() => null, cancelled.native)
    expect(await noWindow.openFile({ title: '打开', filters })).toBeNull()
    expect(await noWindow.saveFile({ title: '保存', defaultPath: 'a.wrs', filters })).toBeNull()
    expect(cancelled.calls.map(([, window]) => window)).toEqual([null, null])
  })

  it('the close prompt: 保存 / 不保存 / 取消, Esc cancels', async () => {
    const { native, calls } = fakeNative({ box: [0, 1, 2, 7] })
    const dialogs = electronDialogs(() => parent, native)
    expect(await dialogs.confirmClose({ title: '2024年工作报告' })).toBe('save')
    expect(await dialogs.confirmClose({ title: '2024年工作报告' })).toBe('discard')
    expect(await dialogs.confirmClose({ title: '2024年工作报告' })).toBe('cancel')
    expect(await dialogs.confirmClose({ title: '2024年工作报告' })).toBe('cancel')
    expect(calls[0]![2]).toMatchObject({
      message: '是否保存对“2024年工作报告”的修改？',
      buttons: ['保存', '不保存', '取消'],
      cancelId: 2,
    })
  })

  it('the no-answer prompt: 关闭并保留恢复快照 / 取消, defaulting to 取消', async () => {
    const { native, calls } = fakeNative({ box: [0, 1] })
    const dialogs = electronDialogs(() => parent, native)
    expect(await dialogs.closeWithoutSaving({ title: '2024年工作报告' })).toBe('close')
    expect(await dialogs.closeWithoutSaving({ title: '2024年工作报告' })).toBe('cancel')
    expect(calls[0]![2]).toMatchObject({
      message: '“2024年工作报告”没有保存：编辑器没有响应，或保存没有完成。',
      buttons: ['关闭并保留恢复快照', '取消'],
      defaultId: 1,
      cancelId: 1,
    })
    await dialogs.message({ type: 'error', message: '出错了。' })
    expect(calls.at(-1)![2]).toEqual({ type: 'error', message: '出错了。', detail: '', buttons: ['确定'] })
  })
})

describe('editor process gone', () => {
  it('forgets the documents, tells the user, then reloads; a clean exit or a closed window does neither', async () => {
    const steps: string[] = []
    const services = { forgetDocuments: () => steps.push('forget') }
    const dialogs = {
      message: async (options: { message: string }) => {
        steps.push(`message ${options.message}`)
      },
    }
    const target = { isDestroyed: () => false, reload: async () => steps.push('reload') }
    expect(await handleRendererGone('crashed', target, services, dialogs)).toBe(true)
    expect(steps).toEqual(['forget', 'message 编辑器意外退出。', 'reload'])
    expect(await handleRendererGone('clean-exit', target, services, dialogs)).toBe(false)
    expect(steps).toHaveLength(3)
    expect(await handleRendererGone('oom', { ...target, isDestroyed: () => true }, services, dialogs)).toBe(false)
    expect(steps.at(-1)).toBe('message 编辑器意外退出。')
  })
})
