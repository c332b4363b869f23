import { describe, expect, it } from 'vitest'
import { heading, paragraph } from '../../../../core/document-model'
import { matchSection, titleSimilarity } from '../../../../core/reuse/match-section'
import type { SectionCandidate } from '../../../../core/reuse/match-section'
import { promoteSection } from '../../../../core/reuse/promote-section'

const lastYear: SectionCandidate[] = [
  { index: 4, title: '2022年主要工作', level: 1, partRole: 'review' },
  { index: 5, title: '始终坚持党的全面领导', level: 2, partRole: 'review' },
  { index: 8, title: '紧紧围绕中心服务大局', level: 2, partRole: 'review' },
  { index: 12, title: '牢牢把握人民代表大会制度', level: 2, partRole: 'review' },
  { index: 20, title: '2023年主要任务', level: 1, partRole: 'tasks' },
  { index: 22, title: '以更优服务支持代表依法履职。', level: 2, partRole: 'tasks' },
]

describe('matchSection', () => {
  it('matches parts by role and sections by title similarity', () => {
    expect(matchSection({ index: 3, title: '2023年工作回顾', level: 1, partRole: 'review' }, lastYear)?.index).toBe(4)
    expect(matchSection({ index: 30, title: '2024年工作安排', level: 1, partRole: 'tasks' }, lastYear)?.index).toBe(20)
    expect(
      matchSection({ index: 6, title: '坚持党的全面领导，确保正确政治方向', level: 2, partRole: 'review' }, lastYear)
        ?.index,
    ).toBe(5)
    expect(
      matchSection({ index: 7, title: '以更优服务支持代表依法履职', level: 2, partRole: 'review' }, lastYear)?.index,
    ).toBe(22)
    expect(matchSection({ index: 9, title: '优化营商环境', level: 2, partRole: 'review' }, lastYear)).toBeUndefined()
  })

  it('scores identical titles 1 and unrelated ones 0', () => {
    expect(titleSimilarity('加强自身建设', '加强自身建设。')).toBe(1)
    expect(titleSimilarity('加强自身建设', '优化营商环境')).toBe(0)
  })
})

describe('promoteSection', () => {
  it('makes a level-2 section with a level-3 child a part with a level-2 child', () => {
    const nodes = promoteSection([heading(2, '加强监督'), paragraph('正文'), heading(3, '安置房'), paragraph('正文')])
    expect(nodes.map(node => node.attrs?.level)).toEqual([1, undefined, 2, undefined])
    expect(nodes[0]!.attrs?.role).toBeNull()
  })
})
