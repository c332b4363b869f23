/** Every IPC call answers with data, never a thrown error (errors lose all but `message` across IPC). */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string }

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: string, message: string): IpcResult<T> {
  return { ok: false, code, message }
}
