import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { NodeType, paragraph, type DocNode } from '../../core/document-model'
import type { ReportFile } from '../../core/report-file'
import { createReport } from '../../core/templates/create-report'
import { getBuiltinTemplate } from '../../core/templates/builtin-templates'
import { exportDocx } from '../../main/services/export-docx-service'

function newGovReport(): ReportFile {
  return createReport(getBuiltinTemplate('gov')!, {
    planYear: 2025,
    organisation: '金水区',
    meetingName: '金水区第十七届人民代表大会第五次会议',
    date: '2025-01-15',
    speakerOffice: '金水区人民政府区长',
    speakerName: '李明',
  })
}

/** What a drafter does: writes text where the guidance was, figures for the × placeholders (session ordinals in Chinese numerals). */
function filledIn(report: ReportFile): ReportFile {
  let figure = 3
  const fill = (node: DocNode): DocNode => {
    if (node.type === NodeType.text)
      return { ...node, text: node.text!.replace(/第×/g, '第三').replace(/×/g, () => String(figure++)) }
    return node.content ? { ...node, content: node.content.map(fill) } : node
  }
  const content = (report.doc.content ?? []).map(node =>
    node.type === NodeType.guidance
      ? paragraph(
          '全年新开工重点项目42个、竣工28个，完成投资156亿元；新增城镇就业1.2万人，城镇调查失业率控制在5.5%以内，群众获得感、幸福感、安全感持续增强。',
        )
      : fill(node),
  )
  return { ...report, doc: { ...report.doc, content } }
}

const documentXml = (file: string): string => strFromU8(unzipSync(readFileSync(file))['word/document.xml']!)
const paragraphTexts = (xml: string): string[] =>
  (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []).map(p =>
    [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join(''),
  )

describe('a new 政府工作报告 from the built-in template', () => {
  it('is refused as final while template guidance is left, and nothing is written', async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-new-'))
    const outcome = await exportDocx({
      report: newGovReport(),
      draftLabel: null,
      path: path.join(directory, 'final.docx'),
    })
    expect(outcome.kind).toBe('refused')
    if (outcome.kind === 'refused')
      expect(outcome.blocking.some(finding => finding.rule === 'STR-PLACEHOLDER')).toBe(true)
    expect(readdirSync(directory)).toEqual([])
  })

  it('exports as a 征求意见稿 with the parts numbered and without the guidance prompts', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-new-')), 'draft.docx')
    expect((await exportDocx({ report: newGovReport(), draftLabel: '征求意见稿', path: target })).kind).toBe('written')
    const xml = documentXml(target)
    const texts = paragraphTexts(xml)
    expect(texts.slice(0, 4)).toEqual([
      '政府工作报告',
      '——2025年1月15日在金水区第十七届人民代表大会第五次会议上',
      '金水区人民政府区长 李明',
      '各位代表：',
    ])
    expect(texts.filter(text => /^[一二三四]、/.test(text))).toEqual([
      '一、2024年工作回顾',
      '二、2025年工作安排',
      '三、政府自身建设',
    ])
    expect(texts).toContain('（一）聚焦稳增长，经济发展量质齐升')
    expect(xml).not.toContain('回顾上一年政府工作：')
  })

  it('exports as final once the guidance is replaced by text', async () => {
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-new-')), 'final.docx')
    const outcome = await exportDocx({ report: filledIn(newGovReport()), draftLabel: null, path: target })
    expect(outcome.kind === 'refused' ? outcome.blocking.map(finding => finding.message) : []).toEqual([])
    expect(outcome.kind).toBe('written')
    expect(paragraphTexts(documentXml(target))).toContain('（五）坚定不移统筹发展和安全，维护社会和谐稳定')
  })
})
