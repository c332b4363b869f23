import { performance } from 'node:perf_hooks'
import { importText } from '../core/import/import-text'

/**
 * Import time against the number of paragraphs for a text whose paragraphs each open with a short lead sentence
 * (`紧盯经济运行强化监督。听取审议……`) and no heading above them, the shape that made import quadratic. Prints ms per size and the
 * ratio to the previous size: about 2 for each doubling means linear. `node --import tsx
 * bench/import-lead-sentences.bench.ts [sizes…]` (default 5000 10000 20000 40000); each size best of three runs.
 */
const leads = ['紧盯经济运行强化监督', '紧盯民生实事强化监督', '紧盯生态环境强化监督', '紧盯安全生产强化监督']
const sizes = process.argv.slice(2).map(Number).filter(Boolean)

function source(paragraphs: number): string {
  const lines = [
    '二七区人民代表大会常务委员会工作报告',
    '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
    '二七区人大常委会主任 张三',
    '各位代表：',
  ]
  for (let index = 0; index < paragraphs; index++)
    lines.push(
      `${leads[index % leads.length]}。听取审议专项工作报告${index + 1}项，督促有关部门改进工作，推动问题解决。`,
    )
  return lines.join('\n')
}

importText(source(2000))
let previous: number | undefined
for (const size of sizes.length ? sizes : [5000, 10000, 20000, 40000]) {
  const text = source(size)
  let ms = Infinity
  let nodes = 0
  // best of three: the machine is shared, the minimum is the least disturbed run
  for (let run = 0; run < 3; run++) {
    const start = performance.now()
    const result = importText(text)
    ms = Math.min(ms, performance.now() - start)
    nodes = result.reports.reduce((total, report) => total + (report.doc.content?.length ?? 0), 0)
  }
  const ratio = previous ? `  ×${(ms / previous).toFixed(1)}` : ''
  console.log(`${String(size).padStart(6)} paragraphs: ${ms.toFixed(0).padStart(7)} ms  (${nodes} nodes)${ratio}`)
  previous = ms
}
