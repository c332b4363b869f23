import { Node, mergeAttributes, textblockTypeInputRule } from '@tiptap/core'
import { commandSpec, type CommandId } from '../../../core/commands/command-table'
import { editorKeymapKey } from '../../../core/commands/shortcut'
import type { HeadingLevel, PartRole } from '../../../core/document-model'
import { reportNodeSpecs } from '../../../core/editor-schema/report-schema-spec'
import { headingLevel } from '../../../core/report-language/heading-level'

export interface ReportHeadingOptions {
  /**
   * Extra HTML attributes on the rendered heading.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    reportHeading: {
      /** Turns the current block into a heading of `level` (keeps role and run-in on headings). */
      setReportHeading: (level: HeadingLevel) => ReturnType
      /** Heading ↔ paragraph. */
      toggleReportHeading: (level: HeadingLevel) => ReturnType
      /** Switches the current heading between its own line and running into the next paragraph. */
      toggleRunIn: () => ReturnType
    }
  }
}

const levels: HeadingLevel[] = [1, 2, 3, 4]
const spec = reportNodeSpecs.heading

/**
 * Headings `heading{level 1–4, role, runIn, sourceNumber, promise}`. The printed marker (`一、`, `（一）`…) is not text:
 * the numbering extension computes it from position and shows it through `data-marker`.
 */
export const ReportHeading = Node.create<ReportHeadingOptions>({
  name: 'heading',
  content: spec.content,
  marks: spec.marks,
  group: spec.group,
  defining: spec.defining,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  addAttributes() {
    return {
      level: {
        default: spec.attrs.level.default,
        parseHTML: element => Number(element.tagName.slice(1)) || 1,
        renderHTML: () => ({}),
      },
      role: {
        default: spec.attrs.role.default,
        parseHTML: element => (element.getAttribute('data-role') as PartRole | null) ?? null,
        renderHTML: attributes => (attributes.role ? { 'data-role': attributes.role } : {}),
      },
      runIn: {
        default: spec.attrs.runIn.default,
        parseHTML: element => element.hasAttribute('data-run-in'),
        renderHTML: attributes => (attributes.runIn ? { 'data-run-in': '' } : {}),
      },
      // The number the imported source gave this heading where it differs from the computed one (`（四）` after
      // `（二）`): kept as evidence for TXT-SEQ-CONT until 确认编号 clears it. Never printed; a new heading split off
      // with Enter does not inherit it.
      sourceNumber: {
        default: spec.attrs.sourceNumber.default,
        keepOnSplit: false,
        parseHTML: element => element.getAttribute('data-source-number'),
        renderHTML: attributes =>
          attributes.sourceNumber ? { 'data-source-number': String(attributes.sourceNumber) } : {},
      },
      // Last year's promise above a review section (core PromiseAttrs; drawn by the promiseBox extension).
      // Splitting the heading does not copy it: the promise stays with the first half.
      promise: {
        default: spec.attrs.promise.default,
        keepOnSplit: false,
        parseHTML: element => {
          try {
            return JSON.parse(element.getAttribute('data-promise') ?? 'null') as unknown
          } catch {
            return null
          }
        },
        renderHTML: attributes => (attributes.promise ? { 'data-promise': JSON.stringify(attributes.promise) } : {}),
      },
    }
  },

  parseHTML() {
    return levels.map(level => ({ tag: `h${level}:not([data-type])`, attrs: { level } }))
  },

  renderHTML({ node, HTMLAttributes }) {
    const level = headingLevel(node)
    return [
      `h${level}`,
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { class: `report-heading level-${level}` }),
      0,
    ]
  },

  addCommands() {
    return {
      setReportHeading:
        level =>
        ({ commands, state }) => {
          const current = state.selection.$from.parent
          const keep =
            current.type.name === this.name
              ? { role: level === 1 ? current.attrs.role : null, runIn: current.attrs.runIn }
              : {}
          return commands.setNode(this.name, { level, ...keep })
        },
      toggleReportHeading:
        level =>
        ({ commands, state }) => {
          const current = state.selection.$from.parent
          if (current.type.name === this.name && headingLevel(current) === level) return commands.setNode('paragraph')
          return commands.setReportHeading(level)
        },
      toggleRunIn:
        () =>
        ({ state, tr, dispatch }) => {
          const { $from } = state.selection
          if ($from.parent.type.name !== this.name) return false
          if (dispatch) {
            const pos = $from.before()
            tr.setNodeMarkup(pos, undefined, { ...$from.parent.attrs, runIn: !$from.parent.attrs.runIn })
            const after = tr.doc.resolve(pos + $from.parent.nodeSize).nodeAfter
            if (!$from.parent.attrs.runIn && (!after || after.type.name !== 'paragraph')) {
              tr.insert(pos + $from.parent.nodeSize, state.schema.nodes.paragraph!.create())
            }
            dispatch(tr)
          }
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    // The keys are those of core/commands/command-table.ts.
    const key = (id: CommandId) => editorKeymapKey(commandSpec(id).shortcut!)
    return {
      [key('paragraph')]: () => this.editor.commands.setParagraph(),
      [key('heading1')]: () => this.editor.commands.toggleReportHeading(1),
      [key('heading2')]: () => this.editor.commands.toggleReportHeading(2),
      [key('heading3')]: () => this.editor.commands.toggleReportHeading(3),
      [key('heading4')]: () => this.editor.commands.toggleReportHeading(4),
      [key('runIn')]: () => this.editor.commands.toggleRunIn(),
    }
  },

  addInputRules() {
    return levels.map(level =>
      textblockTypeInputRule({ find: new RegExp(`^(#{${level}})\\s$`), type: this.type, getAttributes: { level } }),
    )
  },
})
