/** Typographic roles of the printed report and the families that may fill each, best first. */
export type FontRole = 'fangsong' | 'kaiti' | 'heiti' | 'xiaobiaosong' | 'songti' | 'latin'

export interface FontChain {
  role: FontRole
  /** What the role is for, in the words of the standard (shown in substitution notes). */
  label: string
  /** The official face under its usual names; any of them counts as "the official font". */
  official: readonly string[]
  /** Free or platform substitutes in the documented order (docs/layout.md §A.6). */
  fallbacks: readonly string[]
}

export const fontChains: Record<FontRole, FontChain> = {
  fangsong: {
    role: 'fangsong',
    label: '仿宋（正文、三级和四级标题）',
    official: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong'],
    fallbacks: ['STFangsong', 'FandolFang', 'Noto Serif CJK SC'],
  },
  kaiti: {
    role: 'kaiti',
    label: '楷体（二级标题、副标题、报告人）',
    official: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi'],
    fallbacks: ['STKaiti', 'FandolKai', 'AR PL UKai CN', 'Noto Serif CJK SC'],
  },
  heiti: {
    role: 'heiti',
    label: '黑体（一级标题）',
    official: ['黑体', 'SimHei'],
    fallbacks: ['FandolHei', 'Noto Sans CJK SC'],
  },
  xiaobiaosong: {
    role: 'xiaobiaosong',
    label: '小标宋（标题）',
    official: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'],
    fallbacks: ['Noto Serif CJK SC'],
  },
  songti: {
    role: 'songti',
    label: '宋体（页码）',
    official: ['宋体', 'SimSun'],
    fallbacks: ['FandolSong', 'Noto Serif CJK SC'],
  },
  latin: {
    role: 'latin',
    label: 'Times New Roman（数字和西文）',
    official: ['Times New Roman'],
    fallbacks: ['Liberation Serif', 'Tinos', 'DejaVu Serif'],
  },
}

/** Last resort for characters no chosen face covers (rare names such as 镕 喆 堃). */
export const glyphFallbacks: readonly string[] = ['Noto Serif CJK SC', 'Source Han Serif SC', 'serif']

export const fontRoles: readonly FontRole[] = ['fangsong', 'kaiti', 'heiti', 'xiaobiaosong', 'songti', 'latin']

/**
 * Families whose regular and bold files report the same weight to fontconfig (the Fandol fonts
 * both say "regular"), so that asking for the family may return the bold file. The print CSS
 * reaches these faces by full and PostScript name with @font-face local() instead.
 */
export const exactFaces: Record<string, { regular: string[]; bold?: string[] }> = {
  FandolHei: { regular: ['FandolHei-Regular', 'FandolHei Regular'], bold: ['FandolHei-Bold', 'FandolHei Bold'] },
  FandolSong: { regular: ['FandolSong-Regular', 'FandolSong Regular'], bold: ['FandolSong-Bold', 'FandolSong Bold'] },
  FandolFang: { regular: ['FandolFang-Regular', 'FandolFang Regular'] },
  FandolKai: { regular: ['FandolKai-Regular', 'FandolKai Regular'] },
}
