import { createFrontMatterNode } from './front-matter-node'

/** The speaker line `××区人大常委会主任 张三`. */
export const SpeakerLine = createFrontMatterNode('speakerLine', 'speaker-line', {
  allowBreaks: false,
  tag: 'p',
  printClass: 'speaker',
})
