import { describe, expect, it } from 'vitest'
import { nodeText, NodeType } from '../../../core/document-model'
import { readHtml } from '../../../core/import/html-to-blocks'
import { listBlocks, type ListEntry, type SourceListNumber } from '../../../core/import/list-blocks'
import { formatListNumber, listItemMarker } from '../../../core/list-numbering'

describe('list numbers as Word prints them', () => {
  it('writes each format', () => {
    expect([1, 2, 10, 11, 20, 99, 100, 105, 120].map(value => formatListNumber('chineseCounting', value))).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '二十',
      '九十九',
      '一百',
      '一百零五',
      '一百二十',
    ])
    expect([1, 12].map(value => formatListNumber('chineseLegalSimplified', value))).toEqual(['壹', '拾贰'])
    expect([1, 20, 21].map(value => formatListNumber('decimalEnclosedCircle', value))).toEqual(['①', '⑳', '21'])
    expect([1, 3].map(value => formatListNumber('ideographTraditional', value))).toEqual(['甲', '丙'])
    expect([1, 27].map(value => formatListNumber('lowerLetter', value))).toEqual(['a', 'aa'])
    expect([4, 14].map(value => formatListNumber('upperRoman', value))).toEqual(['IV', 'XIV'])
    expect(formatListNumber('decimalFullWidth', 12)).toBe('１２')
  })

  it('prints a list’s marker from its attrs, and the level default without them', () => {
    expect(listItemMarker({ start: 3, type: 'chineseCounting', marker: '（%1）' }, 0, 1)).toBe('（四）')
    expect(listItemMarker({ type: 'a' }, 0, 0)).toBe('a.')
    expect(listItemMarker(undefined, 0, 0)).toBe('1.')
    expect(listItemMarker(undefined, 1, 1)).toBe('（2）')
    // a pattern that is not one `%1` is not trusted
    expect(listItemMarker({ marker: '%1.%2' }, 0, 0)).toBe('1.')
  })
})

describe('listBlocks', () => {
  const number = (value: number, list = '1', marker = '%1.', format = 'decimal'): SourceListNumber => ({
    format,
    marker,
    value,
    list,
  })
  const entry = (text: string, depth: number, kind: 'ol' | 'ul', source?: SourceListNumber): ListEntry => ({
    block: { text, line: 0 },
    depth,
    kind,
    ...(source ? { number: source } : {}),
  })
  let line = 0
  const next = (): number => ++line

  it('splits where the numbers do not run on and nests deeper items under the item above', () => {
    const blocks = listBlocks(
      [
        entry('甲', 1, 'ol', number(1)),
        entry('甲一', 2, 'ol', number(1, '1', '（%1）')),
        entry('甲二', 2, 'ol', number(2, '1', '（%1）')),
        entry('乙', 1, 'ol', number(2)),
        // another list (a new w:numId) right after: not numbered on as 3
        entry('丙', 1, 'ol', number(1, '2')),
        entry('丁', 1, 'ul'),
      ],
      next,
    )
    expect(
      blocks.map(block => [block.node?.type, block.node?.attrs, (block.node?.content ?? []).map(nodeText)]),
    ).toEqual([
      [NodeType.orderedList, { start: 1, marker: '%1.' }, ['甲甲一甲二', '乙']],
      [NodeType.orderedList, { start: 1, marker: '%1.' }, ['丙']],
      [NodeType.bulletList, undefined, ['丁']],
    ])
    const nested = blocks[0]!.node!.content![0]!.content![1]!
    expect(nested.type).toBe(NodeType.orderedList)
    expect(nested.attrs).toEqual({ start: 1, marker: '（%1）' })
  })

  it('never adds a number: a level printing nothing is a paragraph, fixed text a bullet', () => {
    const blocks = listBlocks(
      [entry('说明', 1, 'ol', number(1, '3', '', 'none')), entry('要点', 1, 'ol', number(1, '4', '★', 'decimal'))],
      next,
    )
    expect(blocks[0]!.node).toBeUndefined()
    expect(blocks[0]!.text).toBe('说明')
    expect(blocks[1]!.node?.type).toBe(NodeType.bulletList)
  })
})

describe('list numbers in a format this app cannot write', () => {
  it('keeps the values and says in the import notices that they print as 1, 2, 3', () => {
    const reading = readHtml('<ol><li><a id="n1"></a>完善议事规则，健全工作机制。</li></ol>', {
      listNumbers: { n1: { format: 'japaneseCounting', marker: '%1、', value: 2, list: '1' } },
    })
    expect(reading.blocks[0]!.node?.attrs).toEqual({ start: 2, marker: '%1、' })
    expect(reading.notices).toEqual([
      '有编号列表使用了本软件不支持的编号格式（japaneseCounting），编号的数值已保留，但按阿拉伯数字（1、2、3）显示和导出。如需原格式，请在导出后的 Word 文档中调整。',
    ])
    expect(
      readHtml('<ol><li><a id="n1"></a>完善议事规则。</li></ol>', {
        listNumbers: { n1: { format: 'chineseCounting', marker: '%1、', value: 1, list: '1' } },
      }).notices,
    ).toEqual([])
  })
})
