/**
 * zh-CN sentence for a failed write: what happened and what to do. `from` says who is writing: the editor keeps
 * the unsaved text and a recovery snapshot; the command line has only the files it was given.
 */
export function writeErrorMessage(error: unknown, target: string, from: 'editor' | 'cli' = 'editor'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入“${target}”。请另存到有写入权限的文件夹（例如“文档”），原文件未作改动。`
    case 'EBUSY':
      return `“${target}”正被其他程序占用，无法保存。请关闭占用它的程序（如 Word 或杀毒软件）后再保存，原文件未作改动。`
    case 'ENOSPC':
      return '磁盘空间不足，无法保存。请清理磁盘或另存到其他位置，原文件未作改动。'
    case 'ENOENT':
      return `找不到文件夹“${target}”。请另存到存在的文件夹。`
    case 'EROFS':
      return `“${target}”所在位置是只读的。请另存到其他位置。`
    default: {
      if (code !== undefined) {
        return from === 'cli'
          ? `写入“${target}”失败（${code}）。请检查该位置是否可写，或换一个输出位置后重试；原文件未作改动。`
          : `保存“${target}”失败（${code}）。请另存到其他位置；未保存的内容仍在编辑器中，并已存入恢复快照。`
      }
      // Not the disk: building the file failed (the engine's English stays out of the sentence)
      const why = error instanceof RangeError ? '（报告的内容过多或结构嵌套过深）' : ''
      return from === 'cli'
        ? `生成“${target}”时出错${why}，未写入。请检查输入的报告文件后重试；原文件未作改动。`
        : `生成“${target}”时出错${why}，未保存。请稍后重试；未保存的内容仍在编辑器中，并已存入恢复快照。`
    }
  }
}
