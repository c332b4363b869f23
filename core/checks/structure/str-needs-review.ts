import { MarkType, NodeType, type DocNode } from '../../document-model'
import type { Rule } from '../rule'
import { sectionTitleAt } from './part-label'

interface MarkedRun {
  from: number
  to: number
  text: string
  source?: string
}

/** Runs of text carrying the needsReview mark, with offsets in the block's nodeText(). */
function markedRuns(block: DocNode): MarkedRun[] {
  const runs: MarkedRun[] = []
  let offset = 0
  const walk = (node: DocNode) => {
    if (node.type === NodeType.text) {
      const text = node.text ?? ''
      const mark = node.marks?.find(candidate => candidate.type === MarkType.needsReview)
      if (mark) {
        const last = runs[runs.length - 1]
        if (last && last.to === offset) {
          last.to += text.length
          last.text += text
        } else {
          const source = typeof mark.attrs?.source === 'string' ? mark.attrs.source : undefined
          runs.push({ from: offset, to: offset + text.length, text, ...(source ? { source } : {}) })
        }
      }
      offset += text.length
      return
    }
    if (node.type === NodeType.hardBreak) {
      offset += 1
      return
    }
    node.content?.forEach(walk)
  }
  block.content?.forEach(walk)
  return runs
}

/** STR-NEEDS-REVIEW: reused figures or text not yet confirmed by a person. */
export const strNeedsReview: Rule = {
  id: 'STR-NEEDS-REVIEW',
  title: '待核实的数字',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { blocks, structure } = context
    for (const block of blocks) {
      if (block.kind === 'guidance' || !block.node.content) continue
      for (const run of markedRuns(block.node)) {
        const section = sectionTitleAt(structure, block.path[0]!, context)
        const from = run.source ? `来自${run.source}，` : '是沿用的往年内容，'
        const figure = /\d/.test(run.text) || /^[一二三四五六七八九十百千万亿两零〇]+.{0,3}$/.test(run.text)
        const what = figure ? '这一数字' : '这段文字'
        const now = figure ? '今年的实际数字' : '符合今年情况的表述'
        report({
          rule: 'STR-NEEDS-REVIEW',
          severity: 'error',
          message: `${section ? `“${section}”中的` : ''}“${run.text.length > 20 ? run.text.slice(0, 20) + '……' : run.text}”${from}尚未核实。请核对后确认${what}，或改为${now}。`,
          location: { path: block.path, from: run.from, to: run.to, ...(section ? { section } : {}) },
        })
      }
    }
  },
}
