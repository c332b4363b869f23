import { describe, expect, it } from 'vitest'
import { planFonts } from '../../../../core/export/print-html/font-plan'

describe('planFonts', () => {
  it('uses the official faces where installed and reports no substitution for them', () => {
    const plan = planFonts(['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体', '宋体', 'Times New Roman'])
    expect(plan.substitutions).toEqual([])
    expect(plan.roles.fangsong).toMatchObject({ used: '仿宋_GB2312', official: true })
    expect(plan.roles.xiaobiaosong.stack[0]).toBe('方正小标宋简体')
  })

  it('counts 仿宋 / KaiTi (the Windows faces) as official when the _GB2312 fonts are missing', () => {
    const plan = planFonts(['FangSong', 'KaiTi', 'SimHei', 'SimSun', 'Times New Roman', '方正小标宋_GBK'])
    expect(plan.substitutions).toEqual([])
    expect(plan.roles.kaiti.used).toBe('KaiTi')
  })

  it('falls back to the free fonts of a Linux desk and says which were substituted', () => {
    const plan = planFonts([
      'FandolFang,FandolFang R',
      'FandolKai',
      'FandolHei',
      'FandolSong',
      'Noto Serif CJK SC',
      'Noto Sans CJK SC',
      'Liberation Serif',
    ])
    expect(plan.substitutions).toEqual([
      { wanted: '仿宋_GB2312', used: 'FandolFang' },
      { wanted: '楷体_GB2312', used: 'FandolKai' },
      { wanted: '黑体', used: 'FandolHei' },
      { wanted: '方正小标宋简体', used: 'Noto Serif CJK SC' },
      { wanted: '宋体', used: 'FandolSong' },
      { wanted: 'Times New Roman', used: 'Liberation Serif' },
    ])
    // The chosen family comes first; rare characters still reach Noto Serif CJK SC.
    expect(plan.roles.fangsong.stack).toEqual(['FandolFang', 'Noto Serif CJK SC', 'Source Han Serif SC', 'serif'])
  })

  it('says 系统默认字体 when nothing of a chain is installed, and reports nothing when the list is unknown', () => {
    expect(planFonts(['DejaVu Sans']).substitutions).toContainEqual({ wanted: '黑体', used: '系统默认字体' })
    expect(planFonts(null).substitutions).toEqual([])
  })
})
