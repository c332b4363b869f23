import { useTranslation } from 'react-i18next'

interface ErrorBannerProps {
  errors: { id: number; message: string; tone?: 'notice' }[]
  onDismiss(id: number): void
}

/** Non-blocking: messages stack at the top and nothing else is disturbed. */
export function ErrorBanner({ errors, onDismiss }: ErrorBannerProps) {
  const { t } = useTranslation()
  if (errors.length === 0) return null
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {errors.map(error => (
        <div key={error.id} className={error.tone === 'notice' ? 'error-message notice' : 'error-message'}>
          <span>{error.message}</span>
          <button type="button" aria-label={t('common.close')} onClick={() => onDismiss(error.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
