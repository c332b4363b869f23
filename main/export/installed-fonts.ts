import { execFile } from 'node:child_process'
import { promises as fs } from 'node:fs'
import path from 'node:path'

/** Font file names of the official faces on Windows and macOS, by family name (file names are what the folders show). */
const knownFiles: Record<string, string[]> = {
  'simfang.ttf': ['仿宋', 'FangSong'],
  'simkai.ttf': ['楷体', 'KaiTi'],
  'simhei.ttf': ['黑体', 'SimHei'],
  'simsun.ttc': ['宋体', 'SimSun'],
  'fs_gb2312.ttf': ['仿宋_GB2312', 'FangSong_GB2312'],
  'simfang_gb2312.ttf': ['仿宋_GB2312', 'FangSong_GB2312'],
  'kaiti_gb2312.ttf': ['楷体_GB2312', 'KaiTi_GB2312'],
  'simkai_gb2312.ttf': ['楷体_GB2312', 'KaiTi_GB2312'],
  'fzxbsjw.ttf': ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'],
  'fzxbsk.ttf': ['方正小标宋_GBK'],
  'times.ttf': ['Times New Roman'],
  'songti.ttc': ['STSong', 'Songti SC'],
  'stfangso.ttf': ['STFangsong'],
  'stkaiti.ttf': ['STKaiti'],
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024, timeout: 15_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
  })
}

async function folderFamilies(folders: string[]): Promise<string[]> {
  const families: string[] = []
  for (const folder of folders) {
    let names: string[]
    try {
      names = await fs.readdir(folder)
    } catch {
      continue
    }
    for (const name of names) {
      const known = knownFiles[name.toLowerCase()]
      if (known) families.push(...known)
      // Chinese font files are often named after the family: 仿宋_GB2312.ttf, 方正小标宋简体.TTF.
      else if (/\.(ttf|ttc|otf)$/i.test(name)) families.push(path.basename(name, path.extname(name)))
    }
  }
  return families
}

async function discover(): Promise<string[]> {
  if (process.platform === 'win32') {
    const windows = process.env['WINDIR'] ?? 'C:\\Windows'
    const local = process.env['LOCALAPPDATA']
    return folderFamilies([
      path.join(windows, 'Fonts'),
      ...(local ? [path.join(local, 'Microsoft', 'Windows', 'Fonts')] : []),
    ])
  }
  try {
    return (await run('fc-list', [':', 'family'])).split('\n').filter(Boolean)
  } catch {
    const home = process.env['HOME'] ?? ''
    return folderFamilies([
      '/System/Library/Fonts',
      '/System/Library/Fonts/Supplemental',
      '/Library/Fonts',
      path.join(home, 'Library', 'Fonts'),
      '/usr/share/fonts',
      '/usr/local/share/fonts',
    ])
  }
}

let cached: Promise<string[]> | undefined

/** Installed font family names (fontconfig on Linux, the fonts folders on Windows and macOS), read once per process. */
export function installedFontFamilies(): Promise<string[]> {
  cached ??= discover().catch(() => [])
  return cached
}
