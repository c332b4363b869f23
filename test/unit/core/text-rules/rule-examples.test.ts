import { describe, expect, it } from 'vitest'
import { fixAll } from '../../../../core/checks/apply-fixes'
import { textRules } from '../../../../core/checks/text/text-rules'
import type { DocNode } from '../../../../core/document-model'
import {
  h,
  p,
  reportOf,
  ruleIds,
  salutation,
  speaker,
  subtitle,
  textAt,
  textFindings,
  title,
} from './text-check-helpers'

/**
 * Spec §C–E examples (layout-and-rules.md): the “correct” column raises nothing, the “incorrect” column
 * raises exactly its rule, and a safe fix turns the incorrect example into the correct one. Examples that
 * are sentence fragments are placed in a sentence (a closing “。”, or a short lead word) so that
 * TXT-TRUNC does not fire on the fragment itself.
 */
type Frame = (text: string) => { nodes: DocNode[]; path: number[]; meta?: Record<string, unknown>; disabled?: string[] }

const ensureEnd = (text: string) => (/[。！？…．.]$/.test(text) ? text : `${text}。`)
const sentence: Frame = text => ({ nodes: [p(ensureEnd(text))], path: [0] })
const lead =
  (word: string): Frame =>
  text => ({ nodes: [p(word + ensureEnd(text))], path: [0] })
const asIs: Frame = text => ({ nodes: [p(text)], path: [0] })
const paragraphs: Frame = text => ({
  nodes: text
    .split(/\s*…\s*|\s+/)
    .filter(Boolean)
    .map(part => p(ensureEnd(part))),
  path: [0],
})
const chain = ['一、坚持党的领导。', '（一）加强思想建设。', '1.深化理论学习。']
const markerFirst: Frame = text => {
  const depth = text.startsWith('第')
    ? 1
    : text.startsWith('（')
      ? /（\d/.test(text)
        ? 4
        : 2
      : /^\d/.test(text)
        ? 3
        : 1
  const nodes = [...chain.slice(0, depth - 1).map(line => p(line)), p(ensureEnd(`${text}加强监督工作`))]
  return { nodes, path: [nodes.length - 1], meta: { numbering: 'yearParts' } }
}
const numberedParagraphs: Frame = text => {
  const parts = text.split(/\s*(?:…|→)\s*|\s+/).filter(Boolean)
  const bodies = ['坚持党的领导', '加强监督工作', '做好代表工作', '强化自身建设']
  return {
    nodes: parts.map((marker, index) => p(`${marker}${bodies[index % 4]}。`)),
    path: [0],
    meta: { numbering: 'yearParts' },
  }
}
const headingFrame: Frame = text => ({ nodes: [h(1, text)], path: [0] })
const runInHeading: Frame = text => ({
  nodes: [h(1, '过去一年的主要工作'), h(2, text, true), p('正文内容依法推进。')],
  path: [1],
})
const titleFrame: Frame = text => ({ nodes: [title(text)], path: [0] })
const subtitleFrame: Frame = text => ({ nodes: [subtitle(text)], path: [0] })
const salutationFrame: Frame = text => ({ nodes: [speaker('XX市人大常委会主任 张三'), salutation(text)], path: [1] })
const occasion = '——2024年1月15日在XX市第十七届人民代表大会第三次会议上'
// STR-YEAR reports part titles against the plan year (here the subtitle's year); TXT-YEAR covers them when it is off.
const yearFrame: Frame = text => ({ nodes: [subtitle(occasion), h(1, text)], path: [1], disabled: ['STR-YEAR'] })
const subYearFrame: Frame = text => ({ nodes: [subtitle(occasion), h(1, '过去一年的主要工作'), h(2, text)], path: [2] })
const sessionFrame: Frame = text => ({ nodes: [subtitle(occasion), p(`${text}，常委会共召开会议8次。`)], path: [1] })

interface Example {
  rule: string
  frame: Frame
  correct: string[]
  incorrect: string[]
  /** [incorrect, correct] pairs a safe fix must turn one into the other. */
  fixes?: Array<[string, string]>
  terms?: Array<{ wrong: string; right: string }>
}

const examples: Example[] = [
  {
    rule: 'PUN-HALFWIDTH',
    frame: sentence,
    correct: ['报告工作，请予审议。'],
    incorrect: ['报告工作,请予审议.'],
    fixes: [['报告工作,请予审议.', '报告工作，请予审议。']],
  },
  {
    rule: 'PUN-STRAIGHT-QUOTE',
    frame: sentence,
    correct: ['做到“两个维护”'],
    incorrect: ['做到"两个维护"'],
    fixes: [['做到"两个维护"', '做到“两个维护”']],
  },
  {
    rule: 'PUN-PAIR',
    frame: lead('学习'),
    correct: ['《中华人民共和国立法法》'],
    incorrect: ['《中华人民共和国立法法'],
  },
  { rule: 'PUN-NEST', frame: lead('学习'), correct: ['《〈中国工人〉发刊词》'], incorrect: ['《《中国工人》发刊词》'] },
  { rule: 'PUN-PAREN-MIX', frame: lead('办法'), correct: ['（试行）'], incorrect: ['（试行)'] },
  {
    rule: 'PUN-ELLIPSIS',
    frame: sentence,
    correct: ['立法、监督、代表工作……'],
    incorrect: ['立法、监督、代表工作...'],
    fixes: [['立法、监督、代表工作...', '立法、监督、代表工作……']],
  },
  {
    rule: 'PUN-ELLIPSIS-DENG',
    frame: sentence,
    correct: ['端午节、中秋节、重阳节等'],
    incorrect: ['端午节、中秋节、重阳节……等'],
  },
  { rule: 'PUN-DASH', frame: sentence, correct: ['新阶段——全面深化'], incorrect: ['新阶段--全面深化'] },
  { rule: 'PUN-CONNECTOR', frame: lead('规划期为'), correct: ['2021—2025年', '3%～5%'], incorrect: ['2021-2025年'] },
  { rule: 'PUN-REPEAT', frame: asIs, correct: ['请予审议。'], incorrect: ['请予审议。。'] },
  {
    rule: 'PUN-QUOTE-DUNHAO',
    frame: lead('学习'),
    correct: ['《监督法》《代表法》'],
    incorrect: ['《监督法》、《代表法》'],
  },
  { rule: 'PUN-DUNHAO-DENG', frame: sentence, correct: ['立法、监督等工作'], incorrect: ['立法、监督、等工作'] },
  {
    rule: 'PUN-SEQ-MARK',
    frame: markerFirst,
    correct: ['一、', '（一）', '1.', '（1）', '第一，'],
    incorrect: ['（一）、', '1、', '第一、'],
  },
  { rule: 'PUN-HEAD-END', frame: headingFrame, correct: ['过去一年的主要工作'], incorrect: ['过去一年的主要工作。'] },
  { rule: 'PUN-HEAD-END', frame: runInHeading, correct: ['坚持党的全面领导。'], incorrect: [] },
  { rule: 'PUN-TITLE', frame: titleFrame, correct: ['政府工作报告'], incorrect: ['政府工作报告。'] },
  {
    rule: 'PUN-COLON-NEST',
    frame: asIs,
    correct: ['要求：一是坚持党的领导，二是坚持依法履职。'],
    incorrect: ['要求：一是坚持：……'],
  },
  {
    rule: 'NUM-FULLWIDTH',
    frame: sentence,
    correct: ['2024年，GDP'],
    incorrect: ['２０２４年，ＧＤＰ'],
    fixes: [['２０２４年，ＧＤＰ', '2024年，GDP']],
  },
  {
    rule: 'NUM-SESSION',
    frame: lead('召开'),
    correct: [
      '第十七届人民代表大会第三次会议',
      '党的二十大',
      '“十四五”',
      '常委会会议21次',
      '杭州第19届亚运会',
      '第135届广交会',
    ],
    incorrect: [
      '第17届人民代表大会第3次会议',
      '党的20大',
      '第17届二七区人民代表大会',
      '政协第10届委员会',
      '党的19届四中全会',
    ],
  },
  { rule: 'NUM-YEAR-FULL', frame: sentence, correct: ['2024年'], incorrect: ['24年'] },
  {
    rule: 'NUM-DATE-PAD',
    frame: sentence,
    correct: ['2024年1月5日'],
    incorrect: ['2024年01月05日'],
    fixes: [['2024年01月05日', '2024年1月5日']],
  },
  { rule: 'NUM-DATE-MIX', frame: sentence, correct: ['二〇二四年一月', '2024年1月'], incorrect: ['二〇二四年1月'] },
  {
    rule: 'NUM-ZERO',
    frame: sentence,
    correct: ['二〇二四年', '三千零五十二'],
    incorrect: ['二零二四年', '二0二四年', '二O二四年'],
    fixes: [
      ['二零二四年', '二〇二四年'],
      ['二0二四年', '二〇二四年'],
      ['二O二四年', '二〇二四年'],
    ],
  },
  {
    rule: 'NUM-RANGE-UNIT',
    frame: lead('增长'),
    correct: ['9亿～16亿', '15%～30%', '5万～10万元'],
    incorrect: ['9～16亿', '15～30%', '5-10万元'],
  },
  { rule: 'NUM-APPROX-DUNHAO', frame: lead('会期'), correct: ['三四天', '一二十个'], incorrect: ['三、四天'] },
  {
    rule: 'NUM-APPROX-ARABIC',
    frame: lead('预计'),
    correct: ['二十几个', '三四个月'],
    incorrect: ['20几个', '3、4个月'],
  },
  {
    rule: 'NUM-MIXED',
    frame: lead('共计'),
    correct: ['4000人', '3.2万人', '10亿零817万5288人', '110千伏变电站', '装机容量5千瓦', '1013百帕'],
    incorrect: ['4千人', '1百0八', '3千万元'],
  },
  { rule: 'NUM-DECIMAL', frame: lead('提高'), correct: ['0.5个百分点'], incorrect: ['.5个百分点'] },
  {
    rule: 'NUM-COUNT-FORM',
    frame: sentence,
    correct: ['审议法律草案21件，通过15件'],
    incorrect: ['审议法律草案21件，通过十五件'],
  },
  { rule: 'NUM-THOUSANDS', frame: paragraphs, correct: ['2956人'], incorrect: ['2,956人 … 3245人'] },
  {
    rule: 'NUM-DOCNO',
    frame: lead('根据'),
    correct: ['国发〔2024〕1号'],
    incorrect: ['国发[2024]01号', '国发（2024）第1号'],
  },
  { rule: 'NUM-NOSPACE', frame: sentence, correct: ['2024年3月5日'], incorrect: ['2024 年 3 月 5 日'] },
  {
    rule: 'TXT-DUPCHAR',
    frame: sentence,
    correct: ['进一步加强', '的的确确', '为了了解情况', '对对方的意见'],
    incorrect: ['进一步进一步加强', '认真的的落实'],
  },
  { rule: 'TXT-SEQ-CONT', frame: numberedParagraphs, correct: ['一、 二、 三、'], incorrect: ['一、 二、 四、'] },
  {
    rule: 'TXT-SEQ-CONT',
    frame: sentence,
    correct: ['一是加强学习，二是完善制度'],
    incorrect: ['一是加强学习，三是完善制度'],
  },
  { rule: 'TXT-SEQ-LEVEL', frame: numberedParagraphs, correct: ['一、→（一）→1.→（1）'], incorrect: ['1.→（一）'] },
  { rule: 'TXT-SEQ-MIXED', frame: numberedParagraphs, correct: ['一、…二、'], incorrect: ['一、…二.'] },
  { rule: 'TXT-YEAR', frame: yearFrame, correct: ['2023年工作回顾', '2024年主要任务'], incorrect: ['2022年工作回顾'] },
  { rule: 'TXT-YEAR', frame: subYearFrame, correct: ['2023年工作回顾'], incorrect: ['2022年工作回顾'] },
  {
    rule: 'TXT-SESSION',
    frame: sessionFrame,
    correct: ['十七届人大二次会议以来', '做好十七届人大四次会议筹备工作', '确保十八届人大一次会议顺利召开'],
    incorrect: ['十七届人大三次会议以来', '十七届人大五次会议期间', '十八届人大二次会议期间'],
  },
  { rule: 'TXT-TRUNC', frame: asIs, correct: ['……请予审议。'], incorrect: ['……请予审议'] },
  { rule: 'TXT-SPACE', frame: sentence, correct: ['依法履职'], incorrect: ['依法 履职', '\u3000\u3000各位代表'] },
  {
    rule: 'TXT-INVISIBLE',
    frame: sentence,
    correct: ['常委会工作'],
    incorrect: ['常委会\u200b工作'],
    fixes: [['常委会\u200b工作', '常委会工作']],
  },
  {
    rule: 'TXT-XML-CHAR',
    frame: sentence,
    correct: ['常委会工作', '𠀀𪚥地名'],
    incorrect: ['常委会\uffff工作', '常委会\u0001工作', '常委会\ud800工作', '常委会\udc00工作'],
    fixes: [
      ['常委会\uffff工作', '常委会工作'],
      ['常委会\ud800工作', '常委会工作'],
    ],
  },
  {
    rule: 'TXT-DIGIT-MIX',
    frame: sentence,
    correct: ['2024年3月'],
    incorrect: ['2024年３月'],
    fixes: [['2024年３月', '2024年3月']],
  },
  {
    rule: 'TXT-SALUTATION',
    frame: salutationFrame,
    correct: ['各位代表：'],
    incorrect: ['各位代表:'],
    fixes: [['各位代表:', '各位代表：']],
  },
  {
    rule: 'TXT-SUBTITLE',
    frame: subtitleFrame,
    correct: ['——2024年1月15日在XX市第十七届人民代表大会第三次会议上'],
    incorrect: ['—2024年1月15日在XX市第17届人大3次会议上'],
  },
  {
    rule: 'TXT-TERMS',
    frame: sentence,
    correct: ['一府一委两院'],
    incorrect: ['一府两院'],
    terms: [{ wrong: '一府两院', right: '一府一委两院' }],
  },
]

function build(example: Example, text: string) {
  const framed = example.frame(text)
  return {
    report: reportOf(framed.nodes, framed.meta ?? {}, { terms: example.terms, disabled: framed.disabled }),
    path: framed.path,
  }
}

describe('text rules: spec examples', () => {
  for (const example of examples) {
    for (const text of example.correct) {
      it(`${example.rule}: “${text}” raises nothing`, () => {
        expect(textFindings(build(example, text).report)).toEqual([])
      })
    }
    for (const text of example.incorrect) {
      it(`${example.rule}: “${text}” raises exactly ${example.rule}`, () => {
        const findings = textFindings(build(example, text).report)
        expect(ruleIds(findings)).toEqual([example.rule])
        for (const finding of findings) expect(finding.message).toMatch(/[\u4e00-\u9fff]/)
      })
    }
    for (const [wrong, right] of example.fixes ?? []) {
      it(`${example.rule}: fixing “${wrong}” gives “${right}”`, () => {
        const { report, path } = build(example, wrong)
        const fixed = fixAll(report, example.rule)
        expect(textAt(fixed, path)).toBe(textAt(build(example, right).report, path))
        expect(textFindings(fixed)).toEqual([])
      })
    }
  }

  it('covers every text rule with an incorrect example', () => {
    const covered = new Set(examples.filter(example => example.incorrect.length).map(example => example.rule))
    expect(textRules.map(rule => rule.id).filter(id => !covered.has(id))).toEqual([])
  })

  it('severities are the spec’s (E = error, W = warning)', () => {
    const warnings = [
      'PUN-CONNECTOR',
      'PUN-QUOTE-DUNHAO',
      'PUN-HEAD-END',
      'PUN-TITLE',
      'PUN-COLON-NEST',
      'NUM-COUNT-FORM',
      'NUM-THOUSANDS',
      'TXT-SEQ-LEVEL',
      'TXT-YEAR',
      'TXT-SESSION',
      'TXT-TERMS',
    ]
    for (const rule of textRules)
      expect([rule.id, rule.severity]).toEqual([rule.id, warnings.includes(rule.id) ? 'warning' : 'error'])
    const fixable = textRules
      .filter(rule => rule.fixable)
      .map(rule => rule.id)
      .sort()
    expect(fixable).toEqual([
      'NUM-DATE-PAD',
      'NUM-FULLWIDTH',
      'NUM-ZERO',
      'PUN-ELLIPSIS',
      'PUN-HALFWIDTH',
      'PUN-STRAIGHT-QUOTE',
      'TXT-DIGIT-MIX',
      'TXT-INVISIBLE',
      'TXT-SALUTATION',
      'TXT-XML-CHAR',
    ])
  })

  it('rule ids are unique and stable', () => {
    const ids = textRules.map(rule => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^(PUN|NUM|TXT)-[A-Z-]+$/)
  })

  it('a rule switched off in the report raises nothing', () => {
    const report = reportOf([p('报告工作,请予审议.')], {}, { disabled: ['PUN-HALFWIDTH'] })
    expect(textFindings(report)).toEqual([])
  })
})
