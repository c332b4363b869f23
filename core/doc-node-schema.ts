import { z } from 'zod'
import type { DocNode } from './document-model'

/** Runtime shape of a TipTap/ProseMirror JSON node (the `.wrs` document and the versions kept beside it). */
export const docNodeSchema: z.ZodType<DocNode> = z.lazy(() =>
  z.object({
    type: z.string().min(1),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(docNodeSchema).optional(),
    marks: z
      .array(z.object({ type: z.string().min(1), attrs: z.record(z.string(), z.unknown()).optional() }))
      .optional(),
    text: z.string().optional(),
  }),
)
