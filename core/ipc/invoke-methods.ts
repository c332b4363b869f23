import type { Api } from './api'

// A plain list, apart from the zod schemas in api.ts, so that the preload bundle stays a few hundred
// bytes: it imports only this file (api.ts is imported for its types, which the build erases).

const names = [
  'listTemplates',
  'getTemplate',
  'newReport',
  'openReport',
  'saveReport',
  'recentFiles',
  'writeRecovery',
  'pendingRecoveries',
  'discardRecovery',
  'setDocumentState',
  'saveAsTemplate',
  'checkExport',
  'exportReport',
  'previewPdf',
  'printReport',
  'uncoveredCharacters',
  'importReport',
  'libraryList',
  'librarySearch',
  'librarySection',
  'libraryEntry',
  'libraryAdd',
  'reviewerName',
  'setReviewerName',
  'viewSettings',
  'setViewSettings',
  'readFeedbackCopies',
  'sendForComments',
  'exportReviewTable',
  'setWindowState',
  'openExported',
  'readClipboard',
  'collabSignIn',
  'collabShare',
  'collabParts',
  'collabAssign',
  'collabSetStatus',
  'collabLastServers',
] as const satisfies ReadonlyArray<Exclude<keyof Api, 'onEvent'>>

export type InvokeMethod = (typeof names)[number]

/** Every Api method that is an invoke (all but onEvent), in the order of api.ts's apiArgs. */
export const invokeMethods: InvokeMethod[] = [...names]

// Fails to compile when an Api method is missing from the list (`satisfies` above catches the reverse).
type MissingInvokeMethod = Exclude<Exclude<keyof Api, 'onEvent'>, InvokeMethod>
const everyInvokeMethodListed: [MissingInvokeMethod] extends [never] ? true : MissingInvokeMethod = true
void everyInvokeMethodListed
