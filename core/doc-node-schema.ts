import { z } from 'zod'
import type { DocNode } from './document-model'

/** What zod checks of a node, and where it tells what is wrong. */
const strictDocNode: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(strictDocNode).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
)

/**
 * Runtime shape of a TipTap/ProseMirror JSON node (the `.wrs` document and the versions kept beside it).
 * A node tree of exactly that shape (the usual case) is checked by the loop below and kept as it is; zod parses
 * only a tree that is not, for its messages (zod's parse of a 100-page report took ≈ 50 ms of each `wrs` command
 * that reads it). Anything else the two would give differently is a bug: test/unit/core/doc-node-schema.test.ts.
 */
export const docNodeSchema: z.ZodType<DocNode> = z.unknown().transform((value, context) => {
  if (isDocNode(value)) return value
  const parsed = strictDocNode.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) context.addIssue({ ...issue } as Parameters<typeof context.addIssue>[0])
  return z.NEVER
})

const nodeKeys = new Set(['type', 'attrs', 'content', 'marks', 'text'])
const markKeys = new Set(['type', 'attrs'])

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Exactly the shape zod accepts, without keys it would drop (so the value is the same as zod's output). */
function isDocNode(value: unknown): value is DocNode {
  if (!isObject(value) || typeof value['type'] !== 'string' || value['type'] === '') return false
  for (const key in value) if (!nodeKeys.has(key)) return false
  const { attrs, content, marks, text } = value
  if (attrs !== undefined && !isObject(attrs)) return false
  if (text !== undefined && typeof text !== 'string') return false
  if (content !== undefined && !(Array.isArray(content) && content.every(isDocNode))) return false
  if (marks === undefined) return true
  if (!Array.isArray(marks)) return false
  return marks.every(mark => {
    if (!isObject(mark) || typeof mark['type'] !== 'string' || mark['type'] === '') return false
    for (const key in mark) if (!markKeys.has(key)) return false
    return mark['attrs'] === undefined || isObject(mark['attrs'])
  })
}
