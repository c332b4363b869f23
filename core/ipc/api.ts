import type { CommandId } from '../commands/command-table'
import type { z } from 'zod'
import type { CollabApi } from './collab-api'
import { collabApiArgs } from './collab-api'
import type { ExportApi } from './export-api'
import { exportApiArgs } from './export-api'
import type { FilesApi } from './files-api'
import { filesApiArgs } from './files-api'
import type { ReuseApi } from './reuse-api'
import { reuseApiArgs } from './reuse-api'
import type { ReviewApi } from './review-api'
import { reviewApiArgs } from './review-api'
import type { ShellApi } from './shell-api'
import { shellApiArgs } from './shell-api'
import type { ViewApi } from './view-api'
import { viewApiArgs } from './view-api'

/** Main → renderer events. */
export type AppEvent = { type: 'menu'; command: MenuCommand } | { type: 'open-file'; path: string }

/** A command of core/commands/command-table.ts, sent by the native menu. */
export type MenuCommand = CommandId

export interface EventsApi {
  /** Subscribes to main → renderer events; returns the unsubscribe function. */
  onEvent(callback: (event: AppEvent) => void): () => void
}

/** The whole contract between renderer and main: the preload exposes exactly these keys. */
export interface Api extends FilesApi, ExportApi, ReuseApi, ReviewApi, ShellApi, ViewApi, CollabApi, EventsApi {}

/** Argument schemas of every invoke method (handle() checks calls against these; the preload uses invoke-methods.ts). */
export const apiArgs = {
  ...filesApiArgs,
  ...exportApiArgs,
  ...reuseApiArgs,
  ...reviewApiArgs,
  ...shellApiArgs,
  ...viewApiArgs,
  ...collabApiArgs,
} satisfies Record<Exclude<keyof Api, 'onEvent'>, z.ZodTuple>

export { invokeMethods, type InvokeMethod } from './invoke-methods'
