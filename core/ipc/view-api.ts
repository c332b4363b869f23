import { z } from 'zod'

/**
 * Zoom of the page view: a factor (0.5–2), fit the sheet's width / the whole sheet into the window, or `auto` (the
 * default): 100 %, smaller when the window is too narrow for the sheet, so the page is never cut.
 */
export const zoomSchema = z.union([z.number().min(0.5).max(2), z.enum(['auto', 'fitWidth', 'fitPage'])])
export type Zoom = z.infer<typeof zoomSchema>

/** How the editor is shown, remembered per user (settings.json in the user's data folder). */
export const viewSettingsSchema = z.object({
  zoom: zoomSchema.default('auto'),
  /** false = the draft view: one long sheet without page breaks. */
  pageView: z.boolean().default(true),
  outline: z.boolean().default(true),
  sidePanel: z.boolean().default(true),
})
export type ViewSettings = z.infer<typeof viewSettingsSchema>

export interface ViewApi {
  viewSettings(): Promise<ViewSettings>
  setViewSettings(settings: ViewSettings): Promise<ViewSettings>
}

export const viewApiArgs = {
  viewSettings: z.tuple([]),
  setViewSettings: z.tuple([viewSettingsSchema]),
}
