import { describe, expect, it } from 'vitest'
import { createAppEventQueue } from '../../../main/electron/app-event-queue'
import { isInstanceData, reportFilesInArgv } from '../../../main/electron/report-files-in-argv'
import type { AppEvent } from '../../../core/ipc/api'

const program = '/opt/工作报告编写器/work-report-studio'

describe('report files in a command line', () => {
  it('decodes file: URLs as GIO file managers pass them (%U)', () => {
    const url = `file://${encodeURI('/home/张三/文档/2024年工作报告.wrs')}`
    expect(url).toContain('%E6%8A%A5')
    expect(reportFilesInArgv([program, url], '/')).toEqual({
      paths: ['/home/张三/文档/2024年工作报告.wrs'],
      refused: [],
    })
    expect(reportFilesInArgv([program, 'FILE:///tmp/a%20b.WRS'], '/').paths).toEqual(['/tmp/a b.WRS'])
  })

  it('resolves relative paths against the given working directory, keeps absolute ones', () => {
    expect(reportFilesInArgv([program, '报告.wrs', '../旧/去年.wrs', '/srv/a.wrs'], '/home/李四/下载').paths).toEqual([
      '/home/李四/下载/报告.wrs',
      '/home/李四/旧/去年.wrs',
      '/srv/a.wrs',
    ])
  })

  it('skips the program, switches, the dev app folder and other files', () => {
    expect(
      reportFilesInArgv(['/usr/bin/electron', '.', '--no-sandbox', '--x=a.wrs', 'notes.docx', 'a.wrs.bak'], '/w'),
    ).toEqual({ paths: [], refused: [] })
    expect(reportFilesInArgv([], '/w')).toEqual({ paths: [], refused: [] })
  })

  it('refuses URLs that are not local files instead of opening them as paths', () => {
    expect(
      reportFilesInArgv(
        [program, 'smb://server/共享/报告.wrs', 'file://server/share/a.wrs', 'https://x.cn/a.wrs'],
        '/',
      ),
    ).toEqual({ paths: [], refused: ['smb://server/共享/报告.wrs', 'file://server/share/a.wrs', 'https://x.cn/a.wrs'] })
  })

  it('recognises the second instance data we pass (and nothing else)', () => {
    expect(isInstanceData({ argv: ['a', 'b.wrs'], workingDirectory: '/x' })).toBe(true)
    expect(isInstanceData({ argv: ['a', 1], workingDirectory: '/x' })).toBe(false)
    expect(isInstanceData({ argv: [] })).toBe(false)
    expect(isInstanceData(null)).toBe(false)
    expect(isInstanceData('x')).toBe(false)
  })
})

describe('main → page event queue', () => {
  it('keeps events until there is a window and the page listens, in order, and again while it reloads', () => {
    const delivered: AppEvent[] = []
    let window = false
    const queue = createAppEventQueue(() => (window ? event => delivered.push(event) : null))
    queue.send({ type: 'open-file', path: '/a.wrs' })
    queue.pageReady()
    expect(delivered).toEqual([])
    window = true
    queue.send({ type: 'open-file', path: '/b.wrs' })
    expect(delivered.map(event => event.type === 'open-file' && event.path)).toEqual(['/a.wrs', '/b.wrs'])
    queue.pageGone()
    queue.send({ type: 'menu', command: 'save' })
    queue.flush()
    expect(delivered).toHaveLength(2)
    queue.pageReady()
    expect(delivered.at(-1)).toEqual({ type: 'menu', command: 'save' })
  })
})
