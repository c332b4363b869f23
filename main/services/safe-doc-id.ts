/** Document ids become file names in the recovery folder: allow only a safe alphabet. */
export function isSafeDocId(docId: string): boolean {
  return /^[A-Za-z0-9_-]{1,100}$/.test(docId)
}
