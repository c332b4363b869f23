import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { memberRoles } from '../../core/collab/part-workflow'
import { viewSettingsSchema } from '../../core/ipc/view-api'
import { writeFileAtomic } from '../files/write-file-atomic'

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(10000),
  height: z.number().int().min(300).max(10000),
  maximized: z.boolean().default(false),
})
export type WindowState = z.infer<typeof windowStateSchema>

export const recentFileSchema = z.object({ path: z.string(), title: z.string(), openedAt: z.string() })

/**
 * The last answer of a collaboration server to one token (who holds it, the reports listed), kept so that a shared
 * report with a local copy can be opened while the server is unreachable. The token itself is not stored, only a
 * digest to recognise it (`offlineKey` in collab-service.ts, not the digest the server keeps).
 */
export const collabSignInSchema = z.object({
  servers: z.array(z.string().max(300)).max(10),
  key: z.string().max(128),
  member: z.object({
    /** '' in sign-ins remembered before member ids: not used offline. */
    id: z.string().max(40).default(''),
    name: z.string().max(100),
    offices: z.array(z.string().max(100)).max(50),
    role: z.enum(memberRoles),
  }),
  reports: z
    .array(
      z.object({
        id: z.string().max(64),
        title: z.string().max(500),
        createdBy: z.string().max(100),
        createdAt: z.string().max(40),
      }),
    )
    .max(500),
  at: z.string().max(40),
})
export type CollabSignIn = z.infer<typeof collabSignInSchema>

export const settingsSchema = z.object({
  window: windowStateSchema.default({ width: 1280, height: 860, maximized: false }),
  recentFiles: z.array(recentFileSchema).max(20).default([]),
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  /** Name comments and suggestions are signed with (asked once). */
  reviewerName: z.string().max(100).default(''),
  /** Zoom, page or draft view, panels shown. */
  view: viewSettingsSchema.default(viewSettingsSchema.parse({})),
  /** Addresses of the office's collaboration servers last connected to (the token is never stored). */
  collabServers: z.array(z.string().max(300)).max(10).default([]),
  /** The last sign-in of each token on this computer (newest first), for opening local copies offline. */
  collabSignIns: z.array(collabSignInSchema).max(20).default([]),
})
export type Settings = z.infer<typeof settingsSchema>

export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}

export interface SettingsStore {
  readonly file: string
  load(): Promise<Settings>
  update(change: (settings: Settings) => Settings): Promise<Settings>
}

/** `<userData>/settings.json`, written atomically; a corrupted file gives defaults and is kept aside. */
export function createSettingsStore(userDataDir: string): SettingsStore {
  const file = path.join(userDataDir, 'settings.json')
  let cached: Settings | null = null
  let queue: Promise<unknown> = Promise.resolve()

  async function read(): Promise<Settings> {
    let text: string
    try {
      text = await fs.readFile(file, 'utf8')
    } catch {
      return defaultSettings()
    }
    try {
      return settingsSchema.parse(JSON.parse(text))
    } catch {
      const aside = `${file}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await fs.rename(file, aside).catch(() => undefined)
      return defaultSettings()
    }
  }

  const store: SettingsStore = {
    file,
    async load() {
      cached ??= await read()
      return cached
    },
    update(change) {
      const next = queue.then(async () => {
        const updated = settingsSchema.parse(change(await store.load()))
        await fs.mkdir(userDataDir, { recursive: true })
        await writeFileAtomic(file, JSON.stringify(updated, null, 2) + '\n', { backup: false })
        cached = updated
        return updated
      })
      queue = next.catch(() => undefined)
      return next
    },
  }
  return store
}
