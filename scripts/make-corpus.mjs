#!/usr/bin/env node
// Builds test/fixtures/corpus/: DOCX files written by other software for the corpus test
// (test/unit/main/import-corpus.test.ts), and what `pandoc -t plain` reads in each.
//
//   node scripts/make-corpus.mjs [--ecma-only]     (--ecma-only: leave the LibreOffice files as they are)
//
// - lo-*.docx: LibreOffice (soffice --headless --convert-to docx) from the sources in corpus/src/ (HTML, flat ODT,
//   plain text): merged cells, lists and tables in cells, footnotes, sub/superscripts, an image, outline levels.
// - ecma-*.docx: packages written here part by part from the structures ECMA-376 Part 1 describes (no library):
//   a minimal package, paragraph outline levels set directly (as WPS does), content controls, fields, hyperlinks,
//   merged and nested tables, footnotes and endnotes, a drop cap, a main part not at word/document.xml.
// - <name>.pandoc.txt: `pandoc -t plain --wrap=none` of each DOCX, the reference text the test compares with.
// - test/fixtures/zip64/lo-report-headings.zip64.docx: lo-report-headings.docx repacked by Info-ZIP with Zip64
//   forced (`zip -fz`: Zip64 extra fields, sizes and the directory offset as 0xFFFFFFFF, a Zip64 end record), for
//   test/unit/main/import-zip64.test.ts, and the same zipped as a stream (.zip64-stream.docx). Kept out of corpus/:
//   pandoc 2.17 cannot read Zip64. Needs `zip`.
//
// Needs LibreOffice and pandoc; the generated files are committed, so the tests need neither.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { strToU8, zipSync } from 'fflate'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const corpus = path.join(root, 'test', 'fixtures', 'corpus')
const sources = path.join(corpus, 'src')

// A fixed zip time so regenerating unchanged packages gives the same bytes.
const mtime = new Date('2024-01-01T00:00:00Z')

function libreOffice() {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'wrs-corpus-lo-'))
  const out = mkdtempSync(path.join(os.tmpdir(), 'wrs-corpus-out-'))
  try {
    for (const name of readdirSync(sources).sort()) {
      if (!/\.(html|fodt|txt)$/.test(name)) continue
      const args = [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        ...(name.endsWith('.txt') ? ['--infilter=Text (encoded):UTF8,LF,,,'] : []),
        '--convert-to',
        'docx:MS Word 2007 XML',
        '--outdir',
        out,
        path.join(sources, name),
      ]
      execFileSync('soffice', args, { stdio: 'ignore', timeout: 120_000 })
      const docx = `${path.basename(name, path.extname(name))}.docx`
      renameSync(path.join(out, docx), path.join(corpus, docx))
      console.log(`LibreOffice: ${docx}`)
    }
  } finally {
    rmSync(profile, { recursive: true, force: true })
    rmSync(out, { recursive: true, force: true })
  }
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships'
const CT = 'http://schemas.openxmlformats.org/package/2006/content-types'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

const esc = text => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const run = (text, rPr = '') =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`
const p = (content, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${content}</w:p>`
const tc = (content, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content}</w:tc>`
const tr = (cells, trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells.join('')}</w:tr>`
const tbl = (grid, rows) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr>` +
  `<w:tblGrid>${grid.map(width => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>${rows.join('')}</w:tbl>`
const documentXml = body =>
  `${xmlHead}<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`

/** A package from its parts: content types and relationships written from the list. */
function pack(name, { mainPart = 'word/document.xml', document, parts = {}, relationships = [] }) {
  const overrides = {
    [`/${mainPart}`]: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    '/word/footnotes.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml',
    '/word/endnotes.xml': 'application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml',
    '/word/charts/chart1.xml': 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  }
  const contentTypes =
    `${xmlHead}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    Object.entries(overrides)
      .filter(([part]) => part === `/${mainPart}` || parts[part.slice(1)])
      .map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`)
      .join('') +
    '</Types>'
  const mainDir = path.posix.dirname(mainPart)
  const files = {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': `${xmlHead}<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${mainPart}"/></Relationships>`,
    [mainPart]: document,
    ...parts,
  }
  if (relationships.length)
    files[`${mainDir}/_rels/${path.posix.basename(mainPart)}.rels`] =
      `${xmlHead}<Relationships xmlns="${PR}">` +
      relationships
        .map(
          ([id, type, target, mode]) =>
            `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${mode ? ` TargetMode="${mode}"` : ''}/>`,
        )
        .join('') +
      '</Relationships>'
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([file, text]) => [file, [strToU8(text), { mtime }]])),
  )
  writeFileSync(path.join(corpus, name), zipped)
  console.log(`ECMA-376: ${name}`)
}

const front =
  p(run('××区人民代表大会常务委员会工作报告', '<w:b/><w:sz w:val="44"/>'), '<w:jc w:val="center"/>') +
  p(run('——2024年1月16日在××区第十八届人民代表大会第三次会议上'), '<w:jc w:val="center"/>') +
  p(run('各位代表：')) +
  p(run('我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。'))

function handBuilt() {
  // No styles part, no settings: the least a consumer must accept. Outline levels set on the paragraphs themselves
  // (WPS writes them so), a content control around a paragraph, a simple field, a hyperlink, a tab and a break.
  pack('ecma-minimal-outline.docx', {
    document: documentXml(
      front +
        p(run('2023年主要工作'), '<w:outlineLvl w:val="0"/>') +
        p(run('2023年，常委会依法履职，全年召开常委会会议11次。')) +
        p(run('一、坚持党的全面领导'), '<w:outlineLvl w:val="1"/>') +
        `<w:sdt><w:sdtPr><w:alias w:val="正文"/></w:sdtPr><w:sdtContent>${p(run('严格落实第一议题制度，开展理论学习21次。'))}</w:sdtContent></w:sdt>` +
        p(
          run('详见') +
            `<w:hyperlink r:id="rIdLink"><w:r><w:t>区人大网站</w:t></w:r></w:hyperlink>` +
            run('公布的报告，共') +
            `<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>12</w:t></w:r></w:fldSimple>` +
            run('页。'),
        ) +
        p(run('二、依法履行监督职责'), '<w:outlineLvl w:val="1"/>') +
        p(`${run('听取审议专项工作报告10项。')}<w:r><w:br/></w:r>${run('开展执法检查4次。')}`) +
        p(run('2024年主要任务'), '<w:outlineLvl w:val="0"/>') +
        p(`${run('一、')}<w:r><w:tab/></w:r>${run('聚焦中心大局')}`, '<w:outlineLvl w:val="1"/>') +
        p(run('围绕高质量发展开展监督。')),
    ),
    relationships: [['rIdLink', 'hyperlink', 'https://example.org/', 'External']],
  })

  // Merged cells (w:gridSpan, w:vMerge restart/continue), a repeated header row, a table nested in a cell,
  // vertAlign runs in cells.
  const cellP = text => p(run(text))
  pack('ecma-tables.docx', {
    document: documentXml(
      p(run('2023年主要工作'), '<w:outlineLvl w:val="0"/>') +
        p(run('全年主要监督工作见下表。')) +
        tbl(
          [2000, 1500, 1500, 1500],
          [
            tr(
              [tc(cellP('监督方式'), '<w:vMerge w:val="restart"/>'), tc(cellP('次数'), '<w:gridSpan w:val="3"/>')],
              '<w:tblHeader/>',
            ),
            tr(
              [tc(cellP(''), '<w:vMerge/>'), tc(cellP('2021年')), tc(cellP('2022年')), tc(cellP('2023年'))],
              '<w:tblHeader/>',
            ),
            tr([tc(cellP('执法检查')), tc(cellP('3')), tc(cellP('4')), tc(cellP('4'))]),
            tr([
              tc(p(run('新建绿地（万m') + run('2', '<w:vertAlign w:val="superscript"/>') + run('）'))),
              tc(cellP('8'), '<w:gridSpan w:val="2"/>'),
              tc(
                tbl([700, 700], [tr([tc(cellP('公园')), tc(cellP('5'))]), tr([tc(cellP('绿道')), tc(cellP('3'))])]) +
                  cellP(''),
              ),
            ]),
          ],
        ) +
        p(run('以上数据截至2023年12月31日。')),
    ),
  })

  // Footnotes and endnotes (with their separators, as Word writes them) and a drop cap: the first character in a
  // framed paragraph of its own (w:framePr w:dropCap).
  const note = (kind, id, text) =>
    `<w:${kind} w:id="${id}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Ref/></w:r>${run(` ${text}`)}</w:p></w:${kind}>`
  const separators = kind =>
    `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}><w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`
  const reference = (kind, id) =>
    `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`
  pack('ecma-notes-dropcap.docx', {
    document: documentXml(
      p(run('2023年主要工作'), '<w:outlineLvl w:val="0"/>') +
        p(
          run('去', '<w:sz w:val="96"/>'),
          '<w:framePr w:dropCap="drop" w:lines="3" w:wrap="around" w:vAnchor="text" w:hAnchor="text"/><w:spacing w:line="960" w:lineRule="exact"/>',
        ) +
        p(run('年以来，全区地区生产总值增长6.2%') + reference('footnote', 1) + run('，一般公共预算收入增长8.1%。')) +
        p(
          run('全年新增就业1.2万人') +
            reference('footnote', 2) +
            run('，城镇调查失业率5.1%') +
            reference('endnote', 1) +
            run('。'),
        ),
    ),
    parts: {
      'word/footnotes.xml': `${xmlHead}<w:footnotes xmlns:w="${W}">${separators('footnote')}${note('footnote', 1, '按可比价格计算。')}${note('footnote', 2, '城镇新增就业人数。')}</w:footnotes>`,
      'word/endnotes.xml': `${xmlHead}<w:endnotes xmlns:w="${W}">${separators('endnote')}${note('endnote', 1, '数据来源：区统计局。')}</w:endnotes>`,
    },
    relationships: [
      ['rIdFoot', 'footnotes', 'footnotes.xml'],
      ['rIdEnd', 'endnotes', 'endnotes.xml'],
    ],
  })

  // An equation (OMML) and a chart reference between paragraphs: the import cannot keep them and says so.
  pack('ecma-equation-chart.docx', {
    document: documentXml(
      p(run('2023年主要工作'), '<w:outlineLvl w:val="0"/>') +
        p(run('全区绿化覆盖率按下式计算，全年新增绿地面积8万平方米，公园绿地服务半径覆盖率达到90%。')) +
        p(
          '<m:oMathPara xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"><m:oMath><m:r><m:t>R=A/S</m:t></m:r></m:oMath></m:oMathPara>',
        ) +
        p(run('各街道绿地面积见下图。')) +
        p(
          '<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="3000000" cy="2000000"/><wp:docPr id="1" name="图表 1"/>' +
            '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
            `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`,
        ) +
        p(run('城市更新项目进展顺利，新开工改造老旧小区45个，惠及居民1.2万户。')),
    ),
    parts: {
      'word/charts/chart1.xml': `${xmlHead}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/></c:plotArea></c:chart></c:chartSpace>`,
    },
    relationships: [['rIdChart', 'chart', 'charts/chart1.xml']],
  })

  // The main part where the package relationships say it is, not at word/document.xml (ECMA-376 Part 2 §9.3).
  pack('ecma-main-part-elsewhere.docx', {
    mainPart: 'content/body.xml',
    document: documentXml(
      front + p(run('2023年主要工作'), '<w:outlineLvl w:val="0"/>') + p(run('全年召开常委会会议11次。')),
    ),
  })
}

function pandocText() {
  for (const name of readdirSync(corpus).sort()) {
    if (!name.endsWith('.docx')) continue
    const text = execFileSync('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', path.join(corpus, name)], {
      encoding: 'utf8',
    })
    writeFileSync(path.join(corpus, name.replace(/\.docx$/, '.pandoc.txt')), text)
    console.log(`pandoc: ${name}`)
  }
}

function zip64Copy() {
  const unpacked = mkdtempSync(path.join(os.tmpdir(), 'wrs-corpus-zip64-'))
  const target = path.join(root, 'test', 'fixtures', 'zip64', 'lo-report-headings.zip64.docx')
  try {
    execFileSync('unzip', ['-q', path.join(corpus, 'lo-report-headings.docx'), '-d', unpacked])
    mkdirSync(path.dirname(target), { recursive: true })
    rmSync(target, { force: true })
    // [Content_Types].xml first, as Word writes it; -X: no extra file attributes, -fz: force Zip64
    const names = readdirSync(unpacked).filter(name => name !== '[Content_Types].xml')
    execFileSync('zip', ['-q', '-X', '-fz', '-r', target, '[Content_Types].xml', ...names], { cwd: unpacked })
    console.log('Info-ZIP: zip64/lo-report-headings.zip64.docx')
    // the same written as a stream (`zip -fz - -@`): names from stdin, the archive to stdout
    const files = execFileSync('find', ['.', '-type', 'f'], { cwd: unpacked, encoding: 'utf8' }).replace(/^\.\//gm, '')
    const streamed = execFileSync('zip', ['-q', '-X', '-fz', '-', '-@'], { cwd: unpacked, input: files })
    writeFileSync(target.replace(/\.zip64\.docx$/, '.zip64-stream.docx'), streamed)
    console.log('Info-ZIP: zip64/lo-report-headings.zip64-stream.docx')
  } finally {
    rmSync(unpacked, { recursive: true, force: true })
  }
}

if (!process.argv.includes('--ecma-only')) libreOffice()
handBuilt()
pandocText()
zip64Copy()
