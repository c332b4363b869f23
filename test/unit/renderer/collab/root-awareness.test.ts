import { describe, expect, it } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { RootAwareness, cursorField } from '../../../../renderer/collab/root-awareness'

describe('one awareness seen through one root', () => {
  it('publishes the cursor under the root’s field and shows only that root’s cursors as `cursor`', () => {
    const awareness = new Awareness(new Y.Doc())
    const part = new RootAwareness(awareness, cursorField('part:a'))
    const closing = new RootAwareness(awareness, cursorField('closing'))
    part.setLocalStateField('cursor', { anchor: 1, head: 2 })
    part.setLocalStateField('user', { name: '李四' })

    expect(awareness.getLocalState()).toMatchObject({ 'cursor:part:a': { anchor: 1, head: 2 }, user: { name: '李四' } })
    expect(awareness.getLocalState()).not.toHaveProperty('cursor')
    expect(part.getLocalState()?.cursor).toEqual({ anchor: 1, head: 2 })
    expect(closing.getLocalState()?.cursor).toBeNull()
    expect(closing.getStates().get(awareness.clientID)?.cursor).toBeNull()

    // Leaving the part clears its field only.
    closing.setLocalStateField('cursor', { anchor: 0, head: 0 })
    part.setLocalStateField('cursor', null)
    expect(awareness.getLocalState()).toMatchObject({ 'cursor:part:a': null, 'cursor:closing': { anchor: 0, head: 0 } })
    awareness.destroy()
  })
})
