import type { Dialogs } from '../../main/services/dialogs'

/** Dialogs the user cancels, every one: no file chosen, 取消 when closing. Spread it and override what a test needs. */
export const noDialogs: Dialogs = {
  openFile: async () => null,
  saveFile: async () => null,
  message: async () => undefined,
  confirmClose: async () => 'cancel',
  closeWithoutSaving: async () => 'cancel',
}
