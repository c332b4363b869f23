import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { postToHost } from '../e2e/renderer/use-renderer-app'

/**
 * From the start page: 沿用去年报告, picks `lastYearFile` in the (scripted) file dialog and waits until the dialog
 * has read it (plan year 2024). Returns the dialog, still open for the test to look at and confirm.
 */
export async function openRollForwardDialog(page: Page, hostUrl: string, lastYearFile: string): Promise<Locator> {
  await page.locator('[data-testid="start-page"]').waitFor()
  await page.locator('button[data-action="reuse-roll-forward"]').click()
  const dialog = page.locator('[data-testid="rollforward-dialog"]')
  await dialog.waitFor()
  await postToHost(hostUrl, '/test/dialogs', { open: [lastYearFile] })
  await dialog.locator('[data-testid="rollforward-pick"]').click()
  await expect.poll(() => dialog.locator('input[name="planYear"]').inputValue()).toBe('2024')
  return dialog
}
