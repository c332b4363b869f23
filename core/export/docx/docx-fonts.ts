import type { IFontAttributesProperties } from 'docx'

/** Font names written into the DOCX (w:eastAsia), as Chinese Word and WPS installations name them (docs/layout.md §A.6). */
export const fontNames = {
  fangSong: '仿宋_GB2312',
  kaiTi: '楷体_GB2312',
  heiTi: '黑体',
  xiaoBiaoSong: '方正小标宋简体',
  songTi: '宋体',
  times: 'Times New Roman',
} as const

interface FontTableEntry {
  name: string
  altName?: string
  charset: string
  family: string
  pitch: string
}

/**
 * w:altName is tried when the primary font is missing (ISO/IEC 29500 17.8.3.1): ONE family name (Word reads a comma
 * list as a single name that never matches), the face every Chinese Windows has under that name; charset 86 = GB2312.
 */
const fontTable: FontTableEntry[] = [
  { name: fontNames.fangSong, altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: fontNames.kaiTi, altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: fontNames.heiTi, altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  {
    name: fontNames.xiaoBiaoSong,
    altName: '方正小标宋_GBK',
    charset: '86',
    family: 'script',
    pitch: 'default',
  },
  { name: fontNames.songTi, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: fontNames.times, charset: '00', family: 'roman', pitch: 'variable' },
]

/**
 * Run fonts for text whose Chinese characters use `eastAsia`. Digits and Latin letters use Times
 * New Roman when `latinTimes` is set. hint=eastAsia makes Word set ambiguous characters (“”、—、…)
 * in the Chinese font, as Chinese Word does.
 */
export function runFonts(eastAsia: string, latinTimes: boolean): IFontAttributesProperties {
  const latin = latinTimes ? fontNames.times : eastAsia
  return { ascii: latin, hAnsi: latin, eastAsia, cs: latin, hint: 'eastAsia' }
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** word/fontTable.xml with the alternative names (the docx library writes an empty table). */
export function fontTableXml(): string {
  const entries = fontTable
    .map(font => {
      const alt = font.altName ? `<w:altName w:val="${escapeXml(font.altName)}"/>` : ''
      return `<w:font w:name="${escapeXml(font.name)}">${alt}<w:charset w:val="${font.charset}"/><w:family w:val="${font.family}"/><w:pitch w:val="${font.pitch}"/></w:font>`
    })
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    entries +
    '</w:fonts>'
  )
}
