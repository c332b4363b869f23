import type { Browser, Page } from 'playwright-core'
import { newAppPage } from './renderer-harness'

/**
 * Opens a shared report as a user does — 打开共享报告…, the server address and token, the report from the list — in
 * `existing` or a new app page, and waits until it is synced with the server.
 */
export async function openSharedReport(
  target: { browser: Browser; hostUrl: string; serverUrl: string; reportId: string },
  token: string,
  existing?: Page,
): Promise<Page> {
  const page = existing ?? (await newAppPage(target.browser, target.hostUrl))
  await page.locator('[data-action="collab-open"]').click()
  const dialog = page.locator('[data-testid="collab-connect"]')
  await dialog.locator('textarea[name="servers"]').fill(target.serverUrl)
  await dialog.locator('input[name="token"]').fill(token)
  await dialog.locator('button[type="submit"]').click()
  await dialog.locator(`[data-report="${target.reportId}"]`).click()
  await page.locator('[data-testid="collab-status"]', { hasText: '已同步到服务器' }).waitFor()
  return page
}
