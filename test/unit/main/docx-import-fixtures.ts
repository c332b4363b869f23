import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'

/** DOCX files as clerks receive them, built with the `docx` library. */

const front = [
  new Paragraph({ text: '××区人民代表大会常务委员会工作报告', heading: HeadingLevel.TITLE }),
  new Paragraph({ text: '——2024年1月16日在××区第十八届人民代表大会第三次会议上' }),
  new Paragraph({ text: '××区人大常委会主任　张三' }),
  new Paragraph({ text: '各位代表：' }),
  new Paragraph({ text: '　　我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。' }),
]

/** Word heading styles for parts (标题 1, a WPS-style Chinese style name) and themes (Heading 2). */
export async function docxWithHeadingStyles(): Promise<Uint8Array> {
  const document = new Document({
    styles: {
      paragraphStyles: [
        { id: 'WpsTitle1', name: '标题 1', basedOn: 'Normal', next: 'Normal', run: { bold: true, size: 32 } },
      ],
    },
    sections: [
      {
        children: [
          ...front,
          new Paragraph({ text: '2023年主要工作', style: 'WpsTitle1' }),
          new Paragraph({ text: '　　2023年，在区委的坚强领导下，常委会依法履职，全年召开常委会会议11次。' }),
          new Paragraph({ text: '一、坚持党的全面领导', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '　　严格落实第一议题制度，开展理论学习21次。' }),
          new Paragraph({ text: '二、依法履行监督职责', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '　　听取审议专项工作报告10项，开展执法检查4次。' }),
          new Paragraph({ text: '三、支持代表依法履职', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '　　代表提出的112件建议全部办理完毕。' }),
          new Paragraph({ text: '2024年主要任务', style: 'WpsTitle1' }),
          new Paragraph({ text: '一、聚焦中心大局', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '　　围绕高质量发展开展监督。' }),
          new Paragraph({ text: '二、加强自身建设', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '　　深化理论研究和宣传工作。' }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

const bold = (text: string): Paragraph => new Paragraph({ children: [new TextRun({ text, bold: true })] })
const runIn = (title: string, body: string): Paragraph =>
  new Paragraph({ children: [new TextRun({ text: title, bold: true }), new TextRun(body)] })

/** No heading styles at all: bold numbered paragraphs, bold run-in headings, one bold unnumbered theme. */
export async function docxWithBoldNumbering(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun({ text: '政府工作报告', bold: true, size: 44 })] }),
          new Paragraph({ text: '（2025年1月7日在××县第十八届人民代表大会第五次会议上）' }),
          new Paragraph({ text: '××县人民政府县长 李四' }),
          new Paragraph({ text: '各位代表：' }),
          new Paragraph({ text: '现在，我代表县人民政府向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。' }),
          bold('一、2024年工作回顾'),
          new Paragraph({ text: '过去一年，全县地区生产总值增长6%。' }),
          runIn('（一）聚焦稳增长，经济发展量质齐升。', '全年实施重点项目120个，完成投资300亿元。'),
          runIn('(二)坚持改革开放，发展活力持续增强。', '深化“放管服”改革，新增市场主体1.5万户。'),
          bold('二、2025年工作安排'),
          new Paragraph({ text: '今年政府工作的总体要求是：坚持稳中求进工作总基调。' }),
          runIn('（一）着力扩大有效需求。', '实施重点项目130个。'),
          bold('三、政府自身建设'),
          new Paragraph({ text: '我们将坚持依法行政，建设人民满意的政府。' }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

/** A report with a statistics table inside its review part. */
export async function docxWithTable(): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] })
  const document = new Document({
    sections: [
      {
        children: [
          ...front,
          new Paragraph({ text: '一、2023年工作回顾', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '（一）监督工作', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: '全年监督工作情况见下表。' }),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('次数')] }),
              new TableRow({ children: [cell('常委会会议'), cell('11')] }),
              new TableRow({ children: [cell('执法检查'), cell('4')] }),
            ],
          }),
          new Paragraph({ text: '表中数字均为全年合计。' }),
          new Paragraph({ text: '二、2024年工作安排', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '继续加强监督。' }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}
