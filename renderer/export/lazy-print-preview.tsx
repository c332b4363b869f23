import { lazy, Suspense } from 'react'
import type { PrintPreviewProps } from './PrintPreview'

// pdf.js (≈1.5 MB) loads only when a preview is first shown, not at app start.
const PrintPreview = lazy(() => import('./PrintPreview').then(module => ({ default: module.PrintPreview })))

export function LazyPrintPreview(props: PrintPreviewProps) {
  return (
    <Suspense fallback={<div className="print-preview" aria-busy="true" />}>
      <PrintPreview {...props} />
    </Suspense>
  )
}
