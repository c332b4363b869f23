import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import { computeMarkers } from '../../core/numbering'
import type { NumberingScheme } from '../../core/numbering'
import type { Section } from '../../core/structure/report-structure'
import type { AnalysisChannel } from './analysis-channel'
import { useAnalysis } from './analysis-channel'

interface OutlinePanelProps {
  analysis: AnalysisChannel
  scheme: NumberingScheme
  onJump(index: number): void
  onInsertMissing(finding: Finding): void
  onMovePart(start: number, end: number, before: number): void
  onDeletePart(start: number, end: number): void
}

interface Status {
  errors: number
  warnings: number
}

function statusOf(findings: readonly Finding[], section: Section): Status {
  const status = { errors: 0, warnings: 0 }
  for (const finding of findings) {
    const top = finding.location.path[0]
    const inside =
      top !== undefined
        ? top >= section.index && top < section.end
        : finding.location.section === section.title && finding.fix?.kind !== 'insertPart'
    if (!inside) continue
    if (finding.severity === 'error') status.errors++
    else if (finding.severity === 'warning') status.warnings++
  }
  return status
}

function flatten(sections: readonly Section[]): Section[] {
  return sections.flatMap(section => [section, ...flatten(section.children)])
}

export function OutlinePanel({
  analysis: channel,
  scheme,
  onJump,
  onInsertMissing,
  onMovePart,
  onDeletePart,
}: OutlinePanelProps) {
  const { t, i18n } = useTranslation()
  const analysis = useAnalysis(channel)
  const [dragging, setDragging] = useState<number | null>(null)
  const [dropTarget, setDropTarget] = useState<number | null>(null)
  if (!analysis) return <nav className="outline" aria-label={t('outline.title')} />
  const { structure, findings, counts } = analysis
  const parts = structure.parts
  const all = flatten(parts)
  const headed = all.filter(section => !section.untitled)
  const markerList = computeMarkers(
    scheme,
    headed.map(section => section.level),
  )
  const markers = new Map(headed.map((section, position) => [section.index, markerList[position] ?? '']))
  const docEnd = parts.length ? parts[parts.length - 1]!.end : 0
  const missingAt = new Map<number, Finding[]>()
  for (const finding of findings) {
    if (finding.fix?.kind !== 'insertPart') continue
    const at = finding.fix.at
    const before = parts.findIndex(part => part.index >= at)
    const key = before === -1 ? parts.length : before
    missingAt.set(key, [...(missingAt.get(key) ?? []), finding])
  }

  const renderStatus = (status: Status) => (
    <span className="status">
      {status.errors > 0 && (
        <span className="badge error" title={t('outline.errors', { count: status.errors })}>
          {status.errors}
        </span>
      )}
      {status.warnings > 0 && (
        <span className="badge warning" title={t('outline.warnings', { count: status.warnings })}>
          {status.warnings}
        </span>
      )}
      {status.errors === 0 && status.warnings === 0 && (
        <span className="badge ok" aria-label={t('outline.ok')}>
          ✓
        </span>
      )}
    </span>
  )

  const renderSection = (section: Section): React.ReactNode => (
    <li key={section.index} className={`level-${section.level}`}>
      <button type="button" className="entry" onClick={() => onJump(section.index)}>
        <span className="title">
          <span className="marker">{markers.get(section.index)}</span>
          {section.title || t('outline.untitled')}
        </span>
        {renderStatus(statusOf(findings, section))}
      </button>
      {section.children.length > 0 && <ul>{section.children.map(renderSection)}</ul>}
    </li>
  )

  const renderMissing = (finding: Finding) => (
    <li
      key={`missing-${finding.fix?.kind === 'insertPart' ? finding.fix.partId : finding.message}`}
      className="missing level-1"
      data-testid="outline-missing"
    >
      <span className="title" title={finding.message}>
        {finding.fix?.kind === 'insertPart'
          ? t('outline.missing', {
              title:
                i18n.language === 'en'
                  ? t(`roles.${finding.fix.role}`)
                  : (finding.location.section ?? finding.fix.label),
            })
          : finding.message}
      </span>
      <button type="button" className="insert" onClick={() => onInsertMissing(finding)}>
        {t('outline.insert')}
      </button>
    </li>
  )

  // Keyed by title (not position) so a moved part keeps its element, and with it the keyboard focus.
  const seen = new Map<string, number>()
  const partKeys = parts.map(part => {
    const base = `${part.role ?? ''}:${part.title}`
    const count = (seen.get(base) ?? 0) + 1
    seen.set(base, count)
    return `${base}#${count}`
  })
  const items: React.ReactNode[] = []
  parts.forEach((part, position) => {
    items.push(...(missingAt.get(position) ?? []).map(renderMissing))
    const partCount = counts.parts.find(count => count.index === part.index)
    items.push(
      <li
        key={partKeys[position]}
        className={`part level-1${dropTarget === part.index ? ' drop-target' : ''}${dragging === part.index ? ' dragging' : ''}`}
        data-testid="outline-part"
        draggable
        onDragStart={event => {
          setDragging(part.index)
          event.dataTransfer.effectAllowed = 'move'
          event.dataTransfer.setData('text/plain', String(part.index))
        }}
        onDragEnd={() => {
          setDragging(null)
          setDropTarget(null)
        }}
        onDragOver={event => {
          if (dragging === null) return
          event.preventDefault()
          setDropTarget(part.index)
        }}
        onDrop={event => {
          event.preventDefault()
          const source = parts.find(candidate => candidate.index === dragging)
          if (source) onMovePart(source.index, source.end, part.index)
          setDragging(null)
          setDropTarget(null)
        }}
      >
        <button
          type="button"
          className="entry"
          title={t('outline.moveHint')}
          onClick={() => onJump(part.index)}
          onKeyDown={event => {
            // Alt+↑ / Alt+↓: the keyboard way to reorder parts.
            if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
            event.preventDefault()
            if (event.key === 'ArrowUp' && position > 0) onMovePart(part.index, part.end, parts[position - 1]!.index)
            if (event.key === 'ArrowDown' && position < parts.length - 1) {
              const after = parts[position + 2]
              onMovePart(part.index, part.end, after ? after.index : parts[position + 1]!.end)
            }
          }}
        >
          <span className="grip" aria-hidden>
            ⋮⋮
          </span>
          <span className="title">
            <span className="marker">{markers.get(part.index)}</span>
            {part.title || t('outline.untitled')}
          </span>
          {renderStatus(statusOf(findings, part))}
        </button>
        <div className="part-foot">
          {partCount && <span className="count">{t('outline.count', { han: partCount.han })}</span>}
          <button
            type="button"
            className="delete-part"
            title={t('outline.deleteHint')}
            onClick={() => onDeletePart(part.index, part.end)}
          >
            {t('outline.delete')}
          </button>
        </div>
        {part.children.length > 0 && <ul>{part.children.map(renderSection)}</ul>}
      </li>,
    )
  })
  items.push(...(missingAt.get(parts.length) ?? []).map(renderMissing))

  return (
    <nav className="outline" aria-label={t('outline.title')} data-testid="outline">
      <h2>{t('outline.title')}</h2>
      <ul className="tree">{items}</ul>
      {dragging !== null && (
        <div
          className={`drop-end${dropTarget === docEnd ? ' drop-target' : ''}`}
          onDragOver={event => {
            event.preventDefault()
            setDropTarget(docEnd)
          }}
          onDrop={event => {
            event.preventDefault()
            const source = parts.find(candidate => candidate.index === dragging)
            if (source) onMovePart(source.index, source.end, docEnd)
            setDragging(null)
            setDropTarget(null)
          }}
        >
          {t('outline.dropEnd')}
        </div>
      )}
    </nav>
  )
}
