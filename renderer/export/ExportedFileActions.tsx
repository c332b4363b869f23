import { useTranslation } from 'react-i18next'

interface ExportedFileActionsProps {
  path: string
  onError(message: string): void
}

/** 打开文件 / 打开所在文件夹 after an export (main opens only files this session exported). */
export function ExportedFileActions({ path, onError }: ExportedFileActionsProps) {
  const { t } = useTranslation('export')
  const open = (how: 'file' | 'folder') =>
    window.api
      .openExported({ path, how })
      .then(result => {
        if (!result.ok) onError(result.message)
      })
      .catch(() => onError(t('translation:errors.connection')))
  return (
    <p className="export-open">
      <button type="button" data-testid="export-open-file" onClick={() => void open('file')}>
        {t('export.openFile')}
      </button>
      <button type="button" data-testid="export-open-folder" onClick={() => void open('folder')}>
        {t('export.openFolder')}
      </button>
    </p>
  )
}
