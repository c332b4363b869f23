import type { App, Event, HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron'
import { openExternalSafe } from './open-external-safe'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The app's own pages are the only place a frame may be: app://bundle/… */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** Navigation is allowed only within the bundle (a reload); everything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url)
}

export function guardNavigation(event: Pick<Event, 'preventDefault'>, url: string): void {
  if (!isAllowedNavigation(url)) event.preventDefault()
}

/** New windows are never created; an https/mailto link is handed to the system instead. */
export function denyWindowOpen(details: Pick<HandlerDetails, 'url'>): WindowOpenHandlerResponse {
  void openExternalSafe(details.url)
  return { action: 'deny' }
}

export function preventWebview(event: Pick<Event, 'preventDefault'>): void {
  event.preventDefault()
}

export function denyPermissionRequest(
  _contents: WebContents | null,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

export function denyPermissionCheck(): boolean {
  return false
}

export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(denyWindowOpen)
  contents.on('will-navigate', guardNavigation)
  contents.on('will-redirect', guardNavigation)
  // Frames other than the main one (iframes) navigate through this event only.
  contents.on('will-frame-navigate', details => guardNavigation(details, details.url))
  contents.on('will-attach-webview', preventWebview)
}

/** Installs the global guards; call before any window is created. */
export function installSecurityGuards(app: App, session: Session): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents))
  session.setPermissionRequestHandler(denyPermissionRequest)
  session.setPermissionCheckHandler(denyPermissionCheck)
  session.setDevicePermissionHandler(() => false)
}
