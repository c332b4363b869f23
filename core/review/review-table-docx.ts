import {
  AlignmentType,
  Document,
  Footer,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  convertMillimetersToTwip,
} from 'docx'
import { fontNames, fontTableXml, runFonts } from '../export/docx/docx-fonts'
import type { ReportFile } from '../report-file'
import { reviewEntries, type ReviewEntry } from './review-entries'

/** One row of 意见汇总表. */
export interface SummaryRow {
  number: number
  /** 提出单位或个人: the unit a copy was attributed to, else the author. */
  from: string
  part: string
  original: string
  opinion: string
  /** 采纳 / 部分采纳 / 未采纳, or 待处理. */
  handling: string
  note: string
}

export const summaryColumns = ['序号', '提出单位或个人', '所在部分', '原文', '意见', '处理情况', '说明'] as const

const quoted = (text: string) => `“${text.replace(/\n/g, '')}”`

function opinionOf(entry: ReviewEntry): string {
  if (entry.kind === 'comment') {
    return [entry.text, ...entry.replies.map(reply => `${reply.author || '回复'}：${reply.text}`)].join('\n')
  }
  const breaks = entry.text === '\n'
  const text = entry.text.replace(/^\n+|\n+$/g, '')
  if (entry.kind === 'insertion')
    return breaks ? '此处另起一段' : `增加${quoted(text)}${entry.text.includes('\n') ? '（另起一段）' : ''}`
  return breaks ? '与下一段合并' : `删除${quoted(text)}`
}

/** The rows of 意见汇总表: every comment and suggestion of the round, with what was done about it. */
export function summaryRows(report: ReportFile): SummaryRow[] {
  const units = new Map(report.review.round.returns.filter(entry => entry.from).map(entry => [entry.file, entry.from]))
  return reviewEntries(report).map((entry, index) => {
    const unit = entry.source ? units.get(entry.source) : undefined
    const from =
      unit && entry.author && unit !== entry.author ? `${unit}（${entry.author}）` : (unit ?? entry.author) || '—'
    const notes = [entry.note]
    if (entry.unanchoredReason && entry.status === 'pending') notes.push(`未能定位：${entry.unanchoredReason}`)
    return {
      number: index + 1,
      from,
      part: entry.part || '—',
      original: entry.quote || '—',
      opinion: opinionOf(entry),
      handling: entry.disposition ?? (entry.status === 'resolved' ? '已处理' : '待处理'),
      note: notes.filter(Boolean).join('；'),
    }
  })
}

// Landscape A4: 297 × 210 mm; the seven columns need the width (portrait leaves 原文 and 意见 ~35 mm each).
const page = {
  width: convertMillimetersToTwip(297),
  height: convertMillimetersToTwip(210),
  top: convertMillimetersToTwip(25),
  bottom: convertMillimetersToTwip(25),
  left: convertMillimetersToTwip(25),
  right: convertMillimetersToTwip(25),
}
const typeWidth = page.width - page.left - page.right
/** Share of the type width per column (序号 … 说明). */
const shares = [0.05, 0.13, 0.12, 0.25, 0.25, 0.08, 0.12]
const widths = shares.map(share => Math.floor(typeWidth * share))

const BODY_SIZE = 24 // 小四 (12 pt) in half-points
const HEAD_SIZE = 24
const TITLE_SIZE = 44 // 二号

function cellParagraphs(text: string, bold: boolean, center: boolean): Paragraph[] {
  return text.split('\n').map(
    line =>
      new Paragraph({
        alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 360, lineRule: 'auto', before: 40, after: 40 },
        children: [
          new TextRun({
            text: line,
            size: bold ? HEAD_SIZE : BODY_SIZE,
            font: runFonts(bold ? fontNames.heiTi : fontNames.fangSong, true),
          }),
        ],
      }),
  )
}

function row(values: string[], header: boolean): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: false,
    children: values.map(
      (value, index) =>
        new TableCell({
          width: { size: widths[index]!, type: WidthType.DXA },
          verticalAlign: VerticalAlign.CENTER,
          margins: { left: 80, right: 80 },
          children: cellParagraphs(value, header, header || index === 0 || index === 5),
        }),
    ),
  })
}

/** `2024-01-12` → `2024年1月12日`. */
function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso
}

/**
 * 意见汇总表 (the summary of comments of a 征求意见 round) as a DOCX: title in 方正小标宋简体 二号, the table in
 * 仿宋_GB2312 小四 with a 黑体 header row repeated on every page, landscape A4, page numbers `— N —` centred.
 * Pure; the caller writes the bytes.
 */
export async function buildReviewTableDocx(
  report: ReportFile,
  options: { /** ISO date printed under the title. */ date?: string } = {},
): Promise<Uint8Array> {
  const rows = summaryRows(report)
  const title = report.meta.title.trim() || '工作报告'
  const document = new Document({
    creator: '工作报告编写器',
    title: `${title}意见汇总表`,
    sections: [
      {
        properties: {
          page: {
            // The docx library swaps width and height for a landscape page: give them as for portrait.
            size: { width: page.height, height: page.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['— ', PageNumber.CURRENT, ' —'],
                    size: 28,
                    font: runFonts(fontNames.songTi, true),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [
              new TextRun({
                text: `《${title}（征求意见稿）》`,
                size: TITLE_SIZE,
                font: runFonts(fontNames.xiaoBiaoSong, true),
              }),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({ text: '意见汇总表', size: TITLE_SIZE, font: runFonts(fontNames.xiaoBiaoSong, true) }),
            ],
          }),
          ...(options.date
            ? [
                new Paragraph({
                  alignment: AlignmentType.RIGHT,
                  spacing: { after: 120 },
                  children: [
                    new TextRun({
                      text: chineseDate(options.date),
                      size: BODY_SIZE,
                      font: runFonts(fontNames.kaiTi, true),
                    }),
                  ],
                }),
              ]
            : []),
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: typeWidth, type: WidthType.DXA },
            columnWidths: widths,
            rows: [
              row([...summaryColumns], true),
              ...(rows.length
                ? rows.map(each =>
                    row(
                      [
                        String(each.number),
                        each.from,
                        each.part,
                        each.original,
                        each.opinion,
                        each.handling,
                        each.note,
                      ],
                      false,
                    ),
                  )
                : [row(['', '', '', '', '（本轮没有收到意见）', '', ''], false)]),
            ],
          }),
        ],
      },
    ],
  })
  return Packer.pack(document, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml() }])
}
