import { existsSync } from 'node:fs'
import { join } from 'node:path'

function candidates(env: NodeJS.ProcessEnv): string[] {
  const programFiles = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
    (value): value is string => Boolean(value),
  )
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ...programFiles.flatMap(folder => [
      join(folder, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(folder, 'Chromium', 'Application', 'chrome.exe'),
      join(folder, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]),
  ]
}

export const chromiumMissingMessage =
  '找不到用于生成 PDF 的 Chromium 浏览器。请安装 Chromium 或 Google Chrome（Debian/Ubuntu：sudo apt-get install chromium；Windows、macOS：安装 Chrome 或 Edge），' +
  '或把环境变量 WRS_CHROMIUM 设为浏览器程序的完整路径，然后重新导出。'

/** Path of a Chromium-family browser: WRS_CHROMIUM first, then the usual install locations; undefined when none. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string | undefined {
  const configured = env['WRS_CHROMIUM']?.trim()
  if (configured) return exists(configured) ? configured : undefined
  return candidates(env).find(path => exists(path))
}
