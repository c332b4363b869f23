import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../../core/checks/finding'
import { fixInRoots } from '../../../../core/collab/fix-in-roots'

const sizes = [
  { root: 'front', childCount: 2 },
  { root: 'part:a', childCount: 3 },
  { root: 'closing', childCount: 1 },
]
const finding = (fix: Finding['fix']): Finding => ({
  rule: 'r',
  severity: 'warning',
  message: 'm',
  location: { path: [] },
  fix,
})

describe('fixInRoots', () => {
  it('shifts a text edit into the part it falls in', () => {
    const result = fixInRoots(
      finding({ kind: 'replaceText', label: '改', edits: [{ path: [3, 0], from: 1, to: 2, text: '，' }] }),
      sizes,
    )
    expect(result).toEqual({
      ok: true,
      roots: [
        {
          root: 'part:a',
          finding: expect.objectContaining({
            fix: { kind: 'replaceText', label: '改', edits: [{ path: [1, 0], from: 1, to: 2, text: '，' }] },
          }),
        },
      ],
    })
  })

  it('cuts edits that span two roots into one fix per root', () => {
    const result = fixInRoots(
      finding({
        kind: 'replaceText',
        label: '改',
        edits: [
          { path: [0], from: 0, to: 1, text: 'x' },
          { path: [5], from: 0, to: 1, text: 'y' },
        ],
      }),
      sizes,
    )
    expect(result.ok && result.roots.map(each => [each.root, each.finding.fix])).toEqual([
      ['front', { kind: 'replaceText', label: '改', edits: [{ path: [0], from: 0, to: 1, text: 'x' }] }],
      ['closing', { kind: 'replaceText', label: '改', edits: [{ path: [0], from: 0, to: 1, text: 'y' }] }],
    ])
  })

  it('shifts a confirmation, refuses a missing part and a path past the end', () => {
    const set = fixInRoots(
      finding({ kind: 'setAttrs', label: '确认', path: [4], attrs: { sourceNumber: null } }),
      sizes,
    )
    expect(set.ok && set.roots[0]).toMatchObject({ root: 'part:a', finding: { fix: { path: [2] } } })
    expect(
      fixInRoots(finding({ kind: 'insertPart', label: '补', role: 'x' as never, partId: 'p', at: 2 }), sizes),
    ).toEqual({ ok: false, reason: 'insertPart' })
    expect(
      fixInRoots(
        finding({ kind: 'replaceText', label: '改', edits: [{ path: [6], from: 0, to: 1, text: '' }] }),
        sizes,
      ),
    ).toEqual({ ok: false, reason: 'stale' })
  })
})
