// The tests call the editor's own commands; these imports bring their typings (TipTap module augmentations)
// from the renderer project into the test project.
import '@tiptap/starter-kit'
import '../renderer/editor/extensions/find-replace'
import '../renderer/editor/extensions/guidance'
import '../renderer/editor/extensions/needs-review'
import '../renderer/editor/extensions/subscript'
import '../renderer/editor/extensions/footnote'
import '../renderer/editor/extensions/superscript'
import '../renderer/editor/extensions/numbering'
import '../renderer/editor/extensions/report-heading'
import '../renderer/editor/extensions/comment'
import '../renderer/editor/extensions/suggestion'
