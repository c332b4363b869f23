import * as Y from 'yjs'

/** What a Yjs update would change in a document, found before it is applied. */
export interface UpdateAnalysis {
  /** Root types (core/collab/report-roots.ts) whose content the update inserts into or deletes from. */
  roots: Set<string>
  /** False when the document already holds everything in the update (a resync): nothing to store. */
  changes: boolean
  /**
   * The update builds on structs the document does not have (Yjs would keep it pending): its effect cannot be
   * checked, so it is refused and the client resyncs.
   */
  missing: boolean
  /** Content the report never holds (sub-documents), refused whatever the rights. */
  foreign: boolean
}

type Struct = Y.Item | Y.GC | Y.Skip
/** A root's name, `null` when the struct would be discarded by Yjs (its parent is gone), `undefined` when unknown. */
type Root = string | null | undefined

const MISSING = undefined

function rootOfType(type: Y.AbstractType<unknown>): string {
  let current = type
  while (current._item) current = current._item.parent as Y.AbstractType<unknown>
  return Y.findRootTypeKey(current)
}

/**
 * Which root types an update touches, decoded without applying it (`Y.decodeUpdate`) and resolved against the
 * document's struct store: a new item names its parent (a root by name, or the item holding the parent type) or, when
 * Yjs leaves that out, a neighbour (`origin`/`rightOrigin`) whose parent it shares; a deletion names the items it
 * removes. Items whose parent or neighbour was garbage-collected are discarded by Yjs and touch nothing.
 */
export function analyzeUpdate(doc: Y.Doc, update: Uint8Array): UpdateAnalysis {
  const { structs, ds } = Y.decodeUpdate(update)
  const store = doc.store
  const result: UpdateAnalysis = { roots: new Set(), changes: false, missing: false, foreign: false }
  const known = (client: number) => Y.getState(store, client)

  // new structs by client, in clock order, and how far each client's structs reach without a gap
  const fresh = new Map<number, Struct[]>()
  const reach = new Map<number, number>()
  for (const struct of structs) {
    const { client, clock } = struct.id
    if (struct instanceof Y.Skip) continue
    const from = reach.get(client) ?? known(client)
    if (clock + struct.length <= known(client)) continue
    if (clock > from) result.missing = true
    reach.set(client, Math.max(from, clock + struct.length))
    let list = fresh.get(client)
    if (!list) fresh.set(client, (list = []))
    list.push(struct)
  }

  // binary search: a client's new structs are in clock order
  const findFresh = (id: Y.ID): Struct | undefined => {
    const list = fresh.get(id.client)
    if (!list) return undefined
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = list[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return undefined
  }

  const resolved = new Map<Struct, Root>()

  /** The root of the type held by the item `id` (a parent reference). */
  const rootHoldingType = (id: Y.ID): Root | Y.Item => {
    if (id.clock < known(id.client)) {
      const item = Y.getItem(store, id) as Struct
      if (!(item instanceof Y.Item) || !(item.content instanceof Y.ContentType)) return null
      return rootOfType(item.content.type as Y.AbstractType<unknown>)
    }
    const struct = findFresh(id)
    if (!struct) return MISSING
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return null
    return struct
  }

  /** The root of the type the item `id` sits in (a neighbour reference). */
  const rootBeside = (id: Y.ID): Root | Y.Item => {
    if (id.clock < known(id.client)) {
      const item = Y.getItem(store, id) as Struct
      if (!(item instanceof Y.Item) || !item.parent) return null
      return rootOfType(item.parent as Y.AbstractType<unknown>)
    }
    const struct = findFresh(id)
    if (!struct) return MISSING
    if (!(struct instanceof Y.Item)) return null
    return struct
  }

  /** One step: a root, or the new item whose root this one shares. */
  const step = (item: Y.Item): Root | Y.Item => {
    const parent = item.parent as unknown
    if (typeof parent === 'string') return parent
    if (parent instanceof Y.ID) return rootHoldingType(parent)
    const neighbour = item.origin ?? item.rightOrigin
    return neighbour ? rootBeside(neighbour) : MISSING
  }

  // Chains of new items (text typed offline) are followed iteratively, every item on the way remembered.
  const rootOf = (start: Y.Item): Root => {
    const path: Y.Item[] = []
    const onPath = new Set<Y.Item>()
    let current: Y.Item = start
    let root: Root
    for (;;) {
      if (resolved.has(current)) {
        root = resolved.get(current)
        break
      }
      path.push(current)
      onPath.add(current)
      const next = step(current)
      if (next instanceof Y.Item) {
        if (onPath.has(next)) {
          root = MISSING
          break
        }
        current = next
        continue
      }
      root = next
      break
    }
    for (const item of path) resolved.set(item, root)
    return root
  }

  for (const list of fresh.values()) {
    for (const struct of list) {
      result.changes = true
      if (!(struct instanceof Y.Item)) continue
      if (struct.content instanceof Y.ContentDoc) result.foreign = true
      const root = rootOf(struct)
      if (root === MISSING) result.missing = true
      else if (root !== null) result.roots.add(root)
    }
  }

  for (const [client, deletions] of ds.clients) {
    const structsOfClient = store.clients.get(client)
    for (const { clock, len } of deletions) {
      const end = Math.min(clock + len, known(client))
      if (!structsOfClient || clock >= end) continue
      for (let index = Y.findIndexSS(structsOfClient, clock); index < structsOfClient.length; index++) {
        const struct = structsOfClient[index]!
        if (struct.id.clock >= end) break
        if (!(struct instanceof Y.Item) || struct.deleted || !struct.parent) continue
        result.changes = true
        result.roots.add(rootOfType(struct.parent as Y.AbstractType<unknown>))
      }
    }
  }
  return result
}
