import { Schema, type MarkSpec, type NodeSpec } from '@tiptap/pm/model'
import { reportMarkSpecs, reportNodeSpecs } from '../../core/editor-schema/report-schema-spec'

let cached: Schema | undefined

/**
 * The editor's ProseMirror schema, built from the shared spec (core/editor-schema) without TipTap or a DOM: the
 * server converts documents to and from Yjs with it exactly as the editor's collaboration binding does.
 */
export function reportSchema(): Schema {
  if (cached) return cached
  const nodes: Record<string, NodeSpec> = {}
  for (const [name, spec] of Object.entries(reportNodeSpecs)) nodes[name] = { ...spec }
  const marks: Record<string, MarkSpec> = {}
  for (const [name, spec] of Object.entries(reportMarkSpecs)) marks[name] = { ...spec }
  cached = new Schema({ topNode: 'doc', nodes, marks })
  return cached
}
