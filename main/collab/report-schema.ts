import { Schema, type MarkSpec, type NodeSpec } from '@tiptap/pm/model'
import {
  reportMarkSpecs,
  reportNodeSpecs,
  suggestionMarkSpecs,
  type NodeSpecData,
  suggestionNodeAttrs,
} from '../../core/editor-schema/report-schema-spec'

let cached: Schema | undefined

/**
 * The shared editor's ProseMirror schema (the report's nodes and marks plus suggestions), built from the shared spec
 * (core/editor-schema) without TipTap or a DOM: the server converts documents to and from Yjs with it exactly as the
 * editor's collaboration binding does.
 */
export function reportSchema(): Schema {
  if (cached) return cached
  const nodes: Record<string, NodeSpec> = {}
  for (const [name, spec] of Object.entries(reportNodeSpecs) as Array<[string, NodeSpecData]>) {
    const withSuggestions = suggestionNodeAttrs.types.includes(name)
    nodes[name] = withSuggestions ? { ...spec, attrs: { ...spec.attrs, ...suggestionNodeAttrs.attrs } } : { ...spec }
  }
  const marks: Record<string, MarkSpec> = {}
  for (const [name, spec] of Object.entries({ ...reportMarkSpecs, ...suggestionMarkSpecs })) marks[name] = { ...spec }
  cached = new Schema({ topNode: 'doc', nodes, marks })
  return cached
}
