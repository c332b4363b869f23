/** What the window's title bar shows: the file's name (or the report's title before it was saved) and the app's. */
export function windowTitle(options: {
  path: string | null
  reportTitle: string
  dirty: boolean
  appName: string
}): string {
  const fileName = options.path?.split(/[\\/]/).pop()
  const name = fileName || options.reportTitle.trim()
  if (!name) return options.appName
  return `${name}${options.dirty ? '*' : ''} — ${options.appName}`
}
