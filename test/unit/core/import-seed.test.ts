import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nodeText, NodeType } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { headingsOf, importOutline, paragraphTexts } from './import-outline'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const seedPath = seedSamplePath
const seed = readFileSync(seedPath, 'utf8')

describe('import of the seed newspaper page', () => {
  const result = importText(seed, { fileName: 'erqi-2023-npc-cppcc-newspaper.md' })
  const [npc, cppcc] = result.reports

  it('splits the page into the 人大 and the 政协 report, plan year 2023, unnumbered year parts', () => {
    expect(result.reports).toHaveLength(2)
    expect(npc!.meta).toMatchObject({ kind: 'npc', templateId: 'npc', planYear: 2023, numbering: 'yearParts' })
    expect(cppcc!.meta).toMatchObject({ kind: 'cppcc', templateId: 'cppcc', planYear: 2023, numbering: 'yearParts' })
    // The dialog says 找到 2 篇报告，请选择一篇打开: no note says 已分别导入 beside it, and none is repeated per report.
    expect(result.notes.filter(note => /份报告，已分别导入/.test(note))).toEqual([])
    expect(new Set(result.notes).size).toBe(result.notes.length)
  })

  it('gives the 人大 report its two parts, roles and the four sub-sections of 2022年主要工作', () => {
    const outline = importOutline(npc!)
    expect(outline.parts.map(part => [part.role, part.title])).toEqual([
      ['review', '2022年主要工作'],
      ['tasks', '2023年主要任务'],
    ])
    expect(outline.parts[0]!.sections).toEqual([
      '始终坚持党的全面领导',
      '紧紧围绕中心服务大局',
      '牢牢把握人民代表大会制度',
      '严格落实“四个机关”定位要求',
    ])
    // the four parallel task sentences stay body paragraphs, as written: no heading, so no printed `一、` the source
    // never had (roll-forward still finds the promised tasks in their lead sentences)
    expect(outline.parts[1]!.sections).toEqual([])
    expect(headingsOf(npc!).filter(heading => heading.runIn)).toEqual([])
    expect(paragraphTexts(npc!)).toContain(
      '以更实举措提升履职实效。围绕“安居”工程建设,开展安置房建设等专项视察;围绕“乐业”工程建设,对高成长服务业和低碳科技型工业“双轮驱动”开展视察调研;围绕增进民生福祉,对民生实施项目、公共卫生体系建设、义务教育“双减”等工作持续跟踪监督。',
    )
  })

  it('gives the 政协 report 2022年工作回顾 with four sub-sections and 2023年工作安排', () => {
    const outline = importOutline(cppcc!)
    expect(outline.parts.map(part => [part.role, part.title])).toEqual([
      ['review', '2022年工作回顾'],
      ['tasks', '2023年工作安排'],
    ])
    expect(outline.parts[0]!.sections).toEqual([
      '高站位筑牢政治基础',
      '高质量助推改革发展',
      '高标准凝聚智慧力量',
      '高要求锻造政协队伍',
    ])
    expect(outline.parts[1]!.sections).toEqual([])
  })

  it('feeds the newspaper leads into the front matter and keeps them and the bylines out of the body', () => {
    expect(npc!.meta).toMatchObject({
      meetingName: '二七区第十七届人民代表大会第三次会议',
      date: '2023-02-27',
      organisation: '二七区',
      speakerOffice: '区人大常委会主任',
      speakerName: '吕安民',
    })
    expect(cppcc!.meta).toMatchObject({
      meetingName: '政协二七区第十届委员会第二次会议',
      date: '2023-02-26',
      speakerOffice: '区政协主席',
      speakerName: '乔琳',
    })
    expect(importOutline(npc!)).toMatchObject({
      title: '二七区人民代表大会常务委员会工作报告',
      subtitle: '——2023年2月27日在二七区第十七届人民代表大会第三次会议上',
      speaker: '区人大常委会主任 吕安民',
      salutation: '各位代表：',
    })
    expect(importOutline(cppcc!)).toMatchObject({
      subtitle: '——2023年2月26日在政协二七区第十届委员会第二次会议上',
      speaker: '区政协主席 乔琳',
      salutation: '各位委员：',
    })
    for (const report of result.reports) {
      const body = paragraphTexts(report).join('\n')
      expect(body).not.toContain('记者')
      expect(body).not.toContain('向大会作工作报告')
      expect(body).not.toContain('会议开幕')
      // the newspaper headline is not body text either
      expect(body).not.toContain('全力推动经济社会发展和民生事业改善')
    }
    expect(result.notes.some(note => note.includes('全力推动经济社会发展和民生事业改善'))).toBe(true)
  })

  it('keeps truncated paragraphs and half-width punctuation exactly as in the source', () => {
    const texts = paragraphTexts(npc!)
    expect(texts).toContain('对全区医疗保障工作进行视察,对')
    expect(texts).toContain('等决议决定13项。')
    expect(paragraphTexts(cppcc!)).toContain('坚持落实“第一议题”制度,完善')
    expect(texts[0]).toBe(
      '严格落实第一议题制度,累计开展党组政治理论学习21次、机关党支部主题学习30次,党员干部政治觉悟和理论水平不断提升,理想信念更加坚定。',
    )
  })

  it('is read by structure analysis the same way and survives a save round trip', () => {
    const structure = analyzeStructure(npc!)
    expect(structure.kind).toBe('npc')
    expect(structure.planYear).toBe(2023)
    expect(structure.frontMatter.speaker).toMatchObject({ name: '吕安民' })
    expect(structure.parts.map(part => [part.role, part.children.length])).toEqual([
      ['review', 4],
      ['tasks', 0],
    ])
    const reread = parseReportFile(serializeReportFile(cppcc!))
    expect(reread.ok && reread.value).toEqual(cppcc)
  })

  it('records where the text came from', () => {
    expect(npc!.provenance[0]).toMatchObject({ kind: 'import', sourceFile: 'erqi-2023-npc-cppcc-newspaper.md' })
    const first = npc!.doc.content![0]!
    expect(first.type).toBe(NodeType.reportTitle)
    expect(nodeText(first)).toBe(npc!.meta.title)
  })
})
