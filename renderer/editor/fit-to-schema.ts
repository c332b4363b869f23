// The editor and the collaboration server fit documents to the schema the same way: the function lives in core.
export { fitToSchema, type FitResult } from '../../core/editor-schema/fit-to-schema'
