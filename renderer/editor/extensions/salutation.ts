import { createFrontMatterNode } from './front-matter-node'

/** The salutation `各位代表：`. */
export const Salutation = createFrontMatterNode('salutation', 'salutation', {
  allowBreaks: false,
  tag: 'p',
  printClass: 'salutation',
})
