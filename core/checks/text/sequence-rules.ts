import { chineseNumeral, parseChineseNumeral } from '../../numbering'
import type { Rule, TextBlock } from '../rule'
import { F, has } from './block-features'
import { isCheckedText } from './block-kinds'
import { scanSequences, type LiteralMarker } from './sequence-scan'
import { describeSourceProblem, sourceNumberProblems } from './sequence-source-numbers'
import { isEnabled, textReporter } from './text-reporter'

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
const canonical = ['', '一、', '（一）', '1.', '（1）', '①']

function markerWith(marker: Pick<LiteralMarker, 'depth' | 'form'>, value: number): string {
  if (marker.depth === 5) return marker.form.replace('①', circled[value - 1] ?? String(value))
  return marker.form.replace('N', marker.depth <= 2 ? chineseNumeral(value) : String(value))
}

function okFormOf(markers: LiteralMarker[], sequence: string): string | undefined {
  return markers.find(marker => marker.sequence === sequence && marker.formOk)?.form
}

/** `一是、` `第一、` `①、` mid-text; `第一、二、三产业` (an enumeration of ordinals) is fine. */
const inTextSeqMark =
  /(?<=^|[。；：，！？\s“（])(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])|(?<=.)[①-⑳]、/g
const inTextPrecheck = /是、|[一二三四五六七八九十]、|[①-⑳]、/

export const punSeqMark: Rule = {
  id: 'PUN-SEQ-MARK',
  title: '序号后的标点',
  category: 'punctuation',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(punSeqMark, context, report)
    const { markers } = scanSequences(context)
    const mixedChecked = isEnabled(context, 'TXT-SEQ-MIXED')
    for (const marker of markers) {
      if (marker.formOk) continue
      if (mixedChecked && okFormOf(markers, marker.sequence)) continue
      const typed = marker.block.text.slice(marker.from, marker.to)
      emit(
        marker.block,
        marker.from,
        marker.to,
        `序号“${typed}”的写法不对，这一层应写作“${canonical[marker.depth]}”这样的形式。`,
      )
    }
    for (const block of context.blocks) {
      if (!isCheckedText(block) || !has(block, F.dunhao) || !inTextPrecheck.test(block.text)) continue
      inTextSeqMark.lastIndex = 0
      for (let match = inTextSeqMark.exec(block.text); match; match = inTextSeqMark.exec(block.text)) {
        const word = match[0].slice(0, -1)
        emit(
          block,
          match.index + word.length,
          match.index + match[0].length,
          `“${word}”后面应使用逗号或不加标点，不用顿号。`,
        )
      }
    }
  },
}

const shiItem = /(?<=^|[。；：，！？\s“（;:,!?])([一二三四五六七八九十]{1,3})是(?![否])/g
const diItem = /(?<=^|[。；：！？\s“（;:!?])第([一二三四五六七八九十]{1,3})(?=[，、：,:])/g

function checkInlineSequence(
  blocks: TextBlock[],
  pattern: RegExp,
  precheck: string,
  label: (value: number) => string,
  emit: (block: TextBlock, from: number, to: number, message: string) => void,
): void {
  let last = 0
  for (const block of blocks) {
    if (block.kind === 'heading') {
      last = 0
      continue
    }
    if ((block.kind !== 'paragraph' && block.kind !== 'listItem') || block.text.indexOf(precheck) < 0) continue
    pattern.lastIndex = 0
    for (let match = pattern.exec(block.text); match; match = pattern.exec(block.text)) {
      const value = parseChineseNumeral(match[1]!)
      if (value === undefined) continue
      if (value !== 1 && value !== last + 1) {
        const expected = last + 1
        emit(
          block,
          match.index,
          match.index + match[0].length,
          last === 0
            ? `“${label(value)}”前面缺少“${label(1)}”，请检查序号。`
            : `“${label(value)}”不连续：前面是“${label(last)}”，这里应为“${label(expected)}”。`,
        )
      }
      last = value
    }
  }
}

/** The fix of a heading whose source number differs from the printed one: keep the printed number, forget the source's. */
export const confirmNumberLabel = '确认编号'

export const txtSeqCont: Rule = {
  id: 'TXT-SEQ-CONT',
  title: '序号不连续',
  category: 'text',
  severity: 'error',
  fixable: false,
  confirmable: true,
  run(context, report) {
    const emit = textReporter(txtSeqCont, context, report)
    for (const problem of sourceNumberProblems(context.blocks, context.report.meta.numbering ?? 'numbered')) {
      const { block } = problem
      const what =
        problem.kind === 'shifted'
          ? `原文此处编号为“${problem.typed}”，因前面的编号有误，现顺次编为“${problem.printed}”。`
          : `原文的编号有误：${describeSourceProblem(problem)}，现按顺序编为“${problem.printed}”。`
      emit(
        block,
        0,
        block.text.length,
        `${what}请核对原文是否漏了、多了或编错了一节；核对无误后点“${confirmNumberLabel}”，以现在的编号为准。`,
        { kind: 'setAttrs', label: confirmNumberLabel, path: block.path, attrs: { sourceNumber: null } },
      )
    }
    for (const marker of scanSequences(context).markers) {
      if (marker.expected === undefined) continue
      const typed = markerWith(marker, marker.value)
      const message =
        marker.expected === 1
          ? `序号“${typed}”前面缺少“${markerWith(marker, 1)}”，请检查序号。`
          : `序号“${typed}”不连续：前一个是“${markerWith(marker, marker.expected - 1)}”，这里应为“${markerWith(marker, marker.expected)}”。`
      emit(marker.block, marker.from, marker.to, message)
    }
    for (const { block, from, to } of scanSequences(context).headingLiterals) {
      const typed = block.text.slice(from, to).trim()
      emit(
        block,
        from,
        to,
        `标题文字里又写了序号“${typed}”，会和自动编排的序号“${block.marker || '（无）'}”重复。请删去标题里的“${typed}”。`,
      )
    }
    checkInlineSequence(context.blocks, shiItem, '是', value => `${chineseNumeral(value)}是`, emit)
    checkInlineSequence(context.blocks, diItem, '第', value => `第${chineseNumeral(value)}`, emit)
  },
}

export const txtSeqLevel: Rule = {
  id: 'TXT-SEQ-LEVEL',
  title: '层次序号顺序',
  category: 'text',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtSeqLevel, context, report)
    const { markers, headingJumps } = scanSequences(context)
    for (const marker of markers) {
      if (!marker.levelProblem) continue
      const typed = marker.block.text.slice(marker.from, marker.to)
      const message =
        marker.levelProblem === 'before-parent'
          ? `“${typed}”出现在任何“一、”之前，层次顺序应为“一、”→“（一）”→“1.”→“（1）”。`
          : marker.levelProblem === 'skip'
            ? `“${typed}”跳过了两个层次，层次顺序应为“一、”→“（一）”→“1.”→“（1）”。`
            : `“${typed}”用在了更低一层的序号之下，层次不能倒置（“一、”→“（一）”→“1.”→“（1）”）。`
      emit(marker.block, marker.from, marker.to, message)
    }
    for (const { block, previous } of headingJumps) {
      emit(
        block,
        0,
        block.text.length,
        previous === 0
          ? `第${block.level}级标题“${block.text}”前面没有上一级标题，请调整标题级别。`
          : `第${block.level}级标题“${block.text}”直接跟在第${previous}级标题之后，跳过了两个层次，请调整标题级别。`,
      )
    }
  },
}

export const txtSeqMixed: Rule = {
  id: 'TXT-SEQ-MIXED',
  title: '同级序号形式不一',
  category: 'text',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const emit = textReporter(txtSeqMixed, context, report)
    const { markers } = scanSequences(context)
    const reference = new Map<string, string | undefined>()
    for (const marker of markers) {
      if (!reference.has(marker.sequence)) reference.set(marker.sequence, okFormOf(markers, marker.sequence))
      const form = reference.get(marker.sequence)
      if (!form || marker.form === form) continue
      const typed = marker.block.text.slice(marker.from, marker.to)
      emit(
        marker.block,
        marker.from,
        marker.to,
        `同一层次的序号写法不一致：“${typed}”应与前后一致，写作“${markerWith({ depth: marker.depth, form }, marker.value)}”。`,
      )
    }
  },
}

export const sequenceRules: Rule[] = [punSeqMark, txtSeqCont, txtSeqLevel, txtSeqMixed]
