import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { F, featuresOf } from '../../../../core/checks/text/block-features'
import type { TextBlock } from '../../../../core/checks/rule'
import { paragraph } from '../../../../core/document-model'
import { isHan } from '../../../../core/report-language/han'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'

/** The same flags by plain regular expressions: the one-pass scanner must agree with them. */
const byRegex: Array<[keyof typeof F, RegExp | ((text: string) => boolean)]> = [
  ['han', /[\u3400-\u4dbf\u4e00-\u9fff\u3007]/],
  ['asciiPunct', /[,;:?!()]/],
  ['dot', /\./],
  ['asciiQuote', /["']/],
  ['bracket', /[“”‘’（）()《》〈〉【】〔〕]/],
  ['digit', /[0-9]/],
  ['fullWidthAlnum', /[０-９Ａ-Ｚａ-ｚ]/],
  ['fullWidthDigit', /[０-９]/],
  ['space', /[ \u3000\u00a0]/],
  ['invisible', /[\t\u200b-\u200d\u2060\ufeff\u00ad\u2028\u2029]/],
  ['ellipsis', /…|\.\.|。。|．．|··/],
  ['dash', /—|--|－－|──/],
  ['hyphen', /[-~]/],
  ['markPair', /[，、；：。？！][，、；：。？！]/],
  ['dunhao', /、/],
  ['colons', text => (text.match(/[：:]/g) ?? []).length >= 2],
  ['nian', /年/],
  ['yue', /月/],
  ['zero', /[〇零]/],
  ['sessionDigit', /[0-9][届次中大]/],
  ['hao', /号/],
  ['jie', /届/],
  ['ji', /几/],
]

const seed = readFileSync(seedSamplePath, 'utf8')
const samples = [
  ...seed.split('\n'),
  '报告工作,请予审议.',
  '做到"两个维护"…… 2024年３月',
  '新阶段--全面深化；请予审议。。',
  '要求：一是坚持：……',
  '第17届人大3次会议，党的20大，4千人，三、四天，20几个',
  '常委会\u200b工作\t完成，二零二四年，国发〔2024〕1号',
  '2021-2025年，3%~5%，Ａ级　景区，１0项，·· ．．──－－',
  '',
]

function block(text: string): TextBlock {
  return { path: [0], node: paragraph(text), kind: 'paragraph', text }
}

describe('featuresOf', () => {
  it('agrees with plain regular expressions on the seed page and tricky lines', () => {
    for (const text of samples) {
      const flags = featuresOf(block(text))
      for (const [name, test] of byRegex) {
        const expected = typeof test === 'function' ? test(text) : test.test(text)
        expect([text, name, (flags & F[name]) !== 0]).toEqual([text, name, expected])
      }
    }
  })
})

describe('the 汉字 flag', () => {
  it('is set for exactly the BMP characters isHan counts as 汉字', () => {
    const flagged: number[] = []
    const han: number[] = []
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code < 0xe000) continue
      const text = String.fromCharCode(code)
      if ((featuresOf(block(text)) & F.han) !== 0) flagged.push(code)
      if (isHan(code)) han.push(code)
    }
    expect(flagged).toEqual(han)
  })
})
