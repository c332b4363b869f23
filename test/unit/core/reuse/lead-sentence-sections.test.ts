import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nodeText } from '../../../../core/document-model'
import { importText } from '../../../../core/import/import-text'
import { leadSentenceSections } from '../../../../core/reuse/promised-tasks'
import { analyzeStructure } from '../../../../core/structure/analyze-structure'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'

describe('leadSentenceSections', () => {
  it('finds the seed 人大 report’s four promised tasks in the lead sentences of its tasks paragraphs', () => {
    const npc = importText(readFileSync(seedSamplePath, 'utf8')).reports[0]!
    const tasks = analyzeStructure(npc).parts.find(part => part.role === 'tasks')!
    const sections = leadSentenceSections(npc.doc.content!, tasks)
    expect(sections.map(section => section.title)).toEqual([
      '以更高政治站位推动党的二十大精神落地落细',
      '以更实举措提升履职实效',
      '以更优服务支持代表依法履职',
      '以更高标准加强自身建设',
    ])
    // the framing paragraph (`2023年是……`) is not a task; each task is its own paragraph
    expect(sections.every(section => section.end === section.index + 1)).toBe(true)
    expect(nodeText(npc.doc.content![sections[2]!.index]!)).toMatch(/^以更优服务支持代表依法履职。拓展深化/)
  })
})
