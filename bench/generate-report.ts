import { heading, NodeType, nodeText, paragraph, textNode, type DocNode } from '../core/document-model'
import { REPORT_FORMAT, REPORT_VERSION, reportFileSchema, type ReportFile } from '../core/report-file'
import { countHan } from '../core/report-language/han'
import { seededRandom } from '../test/helpers/seeded-random'

const SUBJECTS = ['常委会', '主任会议', '各专门委员会', '常委会组成人员', '机关各部门', '各街道人大工委', '人大代表']
const ACTIONS = [
  '坚持围绕中心、服务大局，把监督工作作为推动决策部署落地见效的重要抓手',
  '听取和审议区政府关于国民经济和社会发展计划执行情况的报告，提出审议意见',
  '组织部分代表深入镇街、企业和社区开展专题视察，形成调研报告',
  '对全区安置房建设情况开展跟踪监督，督促有关部门加快建设进度、确保按期交付',
  '开展食品安全法执法检查，推动法律法规在本区有效实施',
  '认真落实代表联系群众制度，通过代表联络站收集意见建议',
  '紧扣“四个机关”定位要求，加强思想政治建设和作风建设',
  '健全常委会议事规则和工作制度，推进人大工作规范化、程序化',
  '聚焦教育、医疗、养老等群众关切，开展专题询问和满意度测评',
  '深化全过程人民民主基层单元建设，拓展民生实事项目人大代表票决制',
]
const RESULTS = [
  '有力推动了全区经济社会高质量发展',
  '一批群众反映强烈的难点问题得到解决',
  '审议意见交办后，区政府及有关部门认真研究处理并及时反馈',
  '代表履职的积极性和主动性明显增强',
  '监督工作的针对性和实效性进一步提升',
  '为全区重点工作顺利推进提供了法治保障',
]
const FIGURES = [
  '全年召开常委会会议{n}次、主任会议{m}次，听取审议专项工作报告{k}项',
  '开展执法检查{n}次、视察调研{m}次，提出意见建议{k}条',
  '代表提出的{n}件建议全部办理完毕，办结率、满意率均达到100%',
  '全区{n}个代表联络站开展主题活动{m}次，收集意见建议{k}条',
  '作出决议决定{n}项，依法任免国家机关工作人员{m}人次',
]
const FOCUS = [
  '坚持党的全面领导',
  '聚焦中心大局',
  '坚持人民至上',
  '强化法治保障',
  '突出监督重点',
  '深化代表工作',
  '加强自身建设',
  '践行全过程人民民主',
  '服务高质量发展',
  '关注民生福祉',
]
const OUTCOME = [
  '人大工作正确方向更加坚定',
  '监督工作实效持续提升',
  '代表作用充分发挥',
  '民主法治建设扎实推进',
  '履职能力不断增强',
  '重大事项决定更加科学',
  '联系群众更加紧密',
  '机关建设水平全面提高',
]
const POINTS = [
  '强化思想政治引领',
  '加强重点领域监督',
  '完善代表履职平台',
  '推进制度建设',
  '提升审议质量',
  '做好建议督办',
  '加强宣传工作',
  '深化理论研究',
]

/**
 * A realistic 人大常委会工作报告 of about `pages` × 620 汉字: front matter, a review part and a
 * tasks part (numbered scheme), level 2–4 headings, run-in headings, a statistics table, thanks,
 * problems and closing paragraphs. Deterministic for a given page count.
 */
export function generateReport(pages = 100): ReportFile {
  // seeded so that every run benchmarks the same text
  const next = seededRandom(20240116 + pages)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const target = pages * 620
  const content: DocNode[] = []
  let han = 0
  const push = (node: DocNode) => {
    content.push(node)
    han += countHan(nodeText(node))
  }
  const sentence = () => {
    const kind = next()
    if (kind < 0.25)
      return (
        pick(FIGURES)
          .replace('{n}', String(int(3, 40)))
          .replace('{m}', String(int(5, 60)))
          .replace('{k}', String(int(10, 300))) + '。'
      )
    return `${pick(SUBJECTS)}${pick(ACTIONS)}，${pick(RESULTS)}。`
  }
  const body = (sentences = int(3, 6)) => {
    let text = ''
    for (let i = 0; i < sentences; i++) text += sentence()
    return paragraph(text)
  }
  // every (focus, outcome) pair once before any repeats, so sibling titles do not collide
  const titles = FOCUS.flatMap(focus => OUTCOME.map(outcome => `${focus}，${outcome}`)).sort(() => next() - 0.5)
  let titleIndex = 0
  const title = () => titles[titleIndex++ % titles.length]!
  const points = (count: number) => [...POINTS].sort(() => next() - 0.5).slice(0, count)

  push({ type: NodeType.reportTitle, content: [textNode('二七区人民代表大会常务委员会工作报告')] })
  push({
    type: NodeType.reportSubtitle,
    content: [textNode('——2024年1月16日在二七区第十七届人民代表大会第三次会议上')],
  })
  push({ type: NodeType.speakerLine, content: [textNode('二七区人大常委会主任 吕安民')] })
  push({ type: NodeType.salutation, content: [textNode('各位代表：')] })
  push(paragraph('我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。'))

  const section = (until: number) => {
    while (han < until) {
      if (next() < 0.4) {
        push(heading(2, title() + '。', { runIn: true }))
        push(body())
        push(body())
        continue
      }
      push(heading(2, title()))
      push(body())
      for (const point of points(int(0, 3))) {
        if (han >= until) break
        push(heading(3, point))
        push(body())
        if (next() < 0.3) {
          for (const detail of points(2)) {
            push(heading(4, detail + '。', { runIn: true }))
            push(body(2))
          }
        }
      }
    }
  }

  push(heading(1, '2023年主要工作', { role: 'review' }))
  push(
    paragraph(
      '2023年，在区委的坚强领导下，区人大常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，依法履行宪法和法律赋予的职责，为全区经济社会高质量发展作出了积极贡献。',
    ),
  )
  push(body(4))
  const cell = (text: string): DocNode => ({ type: NodeType.tableCell, content: [paragraph(text)] })
  const rows = [
    ['项目', '2022年', '2023年'],
    ['常委会会议（次）', '8', '11'],
    ['专项工作报告（项）', '10', '32'],
    ['执法检查（次）', '4', '6'],
    ['视察调研（次）', '43', '51'],
  ]
  push({ type: NodeType.table, content: rows.map(row => ({ type: NodeType.tableRow, content: row.map(cell) })) })
  section(target * 0.55)
  push(
    paragraph(
      '各位代表！过去一年取得的成绩，是区委坚强领导的结果，是全体人大代表和常委会组成人员担当作为的结果，是“一府一委两院”和社会各界大力支持的结果。在此，我代表区人大常委会，向大家表示衷心的感谢！',
    ),
  )
  push(
    paragraph(
      '我们也清醒地认识到，常委会工作还存在一些差距和不足：监督工作的针对性和实效性有待进一步增强，代表履职服务保障还需加强，自身建设仍需持续深化。对此，我们将在今后工作中认真加以改进。',
    ),
  )

  push(heading(1, '2024年主要任务', { role: 'tasks' }))
  push(
    paragraph(
      '2024年是实现“十四五”规划目标任务的关键一年。区人大常委会工作的总体要求是：在区委的坚强领导下，坚持党的领导、人民当家作主、依法治国有机统一，依法忠诚履职，为全区高质量发展作出新的贡献。',
    ),
  )
  section(target - 100)
  push(
    paragraph(
      '各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，在区委的坚强领导下，坚定信心、依法履职、担当作为，为全面建设社会主义现代化国家作出新的更大贡献！',
    ),
  )

  return reportFileSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    meta: {
      templateId: 'npc',
      kind: 'npc',
      planYear: 2024,
      numbering: 'numbered',
      organisation: '二七区',
      meetingName: '二七区第十七届人民代表大会第三次会议',
      date: '2024-01-16',
      speakerOffice: '二七区人大常委会主任',
      speakerName: '吕安民',
      title: '二七区人民代表大会常务委员会工作报告',
    },
    doc: { type: NodeType.doc, content },
  })
}
