import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '../../core/report-file'
import { matchSection } from '../../core/reuse/match-section'
import type { SectionCandidate } from '../../core/reuse/match-section'
import { leadSentenceSections } from '../../core/reuse/promised-tasks'
import { indexSections } from '../../core/reuse/section-index'
import { analyzeStructure } from '../../core/structure/analyze-structure'
import { DialogFrame } from '../app/DialogFrame'
import type { DialogProps } from '../app/extension-points'
import { docJson } from '../editor/doc-json'
import { ComparePane } from './ComparePane'
import { DocPreview } from './DocPreview'

interface LastYear {
  report: ReportFile
  label: string
}

/** Every heading of a report with the role of the part it sits in. */
function candidatesOf(report: ReportFile): Array<SectionCandidate & { end: number }> {
  const parts = analyzeStructure(report).parts
  const headings = indexSections(report.doc).map(section => {
    const part = parts.find(candidate => section.index >= candidate.index && section.index < candidate.end)
    return {
      index: section.index,
      end: section.end,
      title: section.title,
      level: section.level,
      partRole: part?.role ?? null,
    }
  })
  // last year's tasks promised as lead sentences of paragraphs, where this year's review section looks
  const promised = parts
    .filter(part => part.role === 'tasks')
    .flatMap(part =>
      leadSentenceSections(report.doc.content ?? [], part).map(section => ({
        ...section,
        level: 2,
        partRole: part.role,
      })),
    )
  return [...headings, ...promised].sort((a, b) => a.index - b.index)
}

/**
 * 与去年对照: a section of this report beside the matching section of last year's report (left, read-only).
 * This year's side edits the open report itself (ComparePane); without an open editor it is a preview.
 */
export function CompareContent(props: DialogProps) {
  const { t } = useTranslation('reuse')
  const [live] = useState(() => props.liveEditor())
  // The report as it is now: the pane's edits change section titles and extents.
  const [revision, setRevision] = useState(0)
  const bumpTimer = useRef<number | undefined>(undefined)
  // Titles and extents are worked out again once typing pauses, not on every keystroke.
  const bump = useCallback(() => {
    window.clearTimeout(bumpTimer.current)
    bumpTimer.current = window.setTimeout(() => setRevision(value => value + 1), 300)
  }, [])
  useEffect(() => () => window.clearTimeout(bumpTimer.current), [])
  const report = useMemo(
    () =>
      props.report && live && !live.isDestroyed ? { ...props.report, doc: docJson(live.state.doc) } : props.report,
    // `revision` stands for the live document's changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.report, live, revision],
  )
  const [lastYear, setLastYear] = useState<LastYear | null>(null)
  const [searching, setSearching] = useState(true)
  const current = useMemo(() => (report ? candidatesOf(report) : []), [report])
  const [selectedIndex, setSelectedIndex] = useState<number | null>(
    () => current.find(candidate => candidate.level > 1)?.index ?? current[0]?.index ?? null,
  )
  // The range the pane is bound to, fixed when a section is chosen (the pane follows its edits itself).
  const [bound, setBound] = useState<{ start: number; end: number } | null>(() => {
    const first = current.find(candidate => candidate.index === selectedIndex)
    return first ? { start: first.index, end: first.end } : null
  })
  const choose = (index: number) => {
    setSelectedIndex(index)
    const chosen = current.find(candidate => candidate.index === index)
    setBound(chosen ? { start: chosen.index, end: chosen.end } : null)
  }
  const planYear = report?.meta.planYear
  const kind = report?.meta.kind
  const wantedYear = planYear ? planYear - 1 : 0

  useEffect(() => {
    if (!planYear) return
    let cancelled = false
    void (async () => {
      const entries = await window.api.libraryList()
      const entry =
        entries.find(candidate => candidate.planYear === wantedYear && candidate.kind === kind) ??
        entries.find(candidate => candidate.planYear === wantedYear)
      if (entry) {
        const loaded = await window.api.libraryEntry(entry.id)
        if (!cancelled && loaded.ok)
          setLastYear({
            report: loaded.value,
            label: t('compare.fromLibrary', { title: entry.title, year: entry.planYear }),
          })
      }
      if (!cancelled) setSearching(false)
    })()
    return () => {
      cancelled = true
    }
  }, [kind, planYear, t, wantedYear])

  const pickFile = async () => {
    const result = await window.api.openReport(null)
    if (!result.ok) return props.showError(result.message)
    if (!result.value) return
    const opened = result.value
    setLastYear({
      report: opened.report,
      label: t('compare.fromLibrary', {
        title: opened.report.meta.title || opened.path || '',
        year: opened.report.meta.planYear,
      }),
    })
    if (opened.path) void window.api.libraryAdd({ report: opened.report, source: opened.path })
  }

  const lastCandidates = useMemo(() => (lastYear ? candidatesOf(lastYear.report) : []), [lastYear])
  const selected = current.find(candidate => candidate.index === selectedIndex)
  const match = selected && lastCandidates.length ? matchSection(selected, lastCandidates) : undefined
  const matchEnd = match ? lastCandidates.find(candidate => candidate.index === match.index)?.end : undefined

  if (!report) return <p className="notes">{t('compare.noReport')}</p>

  const content = report.doc.content ?? []
  return (
    <div className="reuse-compare-content" data-testid="compare-view">
      <div className="reuse-compare-bar">
        <label>
          <span>{t('compare.section')}</span>
          <select
            value={selectedIndex ?? ''}
            onChange={event => choose(Number(event.target.value))}
            data-testid="compare-section"
          >
            {current.map(candidate => (
              <option key={candidate.index} value={candidate.index}>
                {'　'.repeat(candidate.level - 1)}
                {candidate.title}
              </option>
            ))}
          </select>
        </label>
        <span className="path">
          {lastYear ? lastYear.label : searching ? t('loading') : t('compare.noLastYear', { year: wantedYear })}
        </span>
        <button type="button" onClick={() => void pickFile()}>
          {t('compare.pickFile')}
        </button>
      </div>
      <div className="reuse-columns reuse-compare">
        <div className="reuse-compare-side last-year" aria-readonly="true" data-testid="compare-last-year">
          {match && lastYear ? (
            <>
              <h3>{t('compare.left', { title: match.title })}</h3>
              <DocPreview
                nodes={(lastYear.report.doc.content ?? []).slice(match.index, matchEnd)}
                scheme={lastYear.report.meta.numbering}
              />
            </>
          ) : (
            <p className="notes">{lastYear ? t('compare.none') : ''}</p>
          )}
        </div>
        <div className="reuse-compare-side this-year" data-testid="compare-this-year">
          {selected && (
            <>
              <h3>{t('compare.right', { title: selected.title })}</h3>
              {live && !live.isDestroyed && bound ? (
                <ComparePane
                  editor={live}
                  start={bound.start}
                  end={bound.end}
                  scheme={report.meta.numbering}
                  onEdit={bump}
                />
              ) : (
                <DocPreview
                  nodes={content.slice(
                    selected.index,
                    current.find(candidate => candidate.index === selected.index)?.end,
                  )}
                  scheme={report.meta.numbering}
                />
              )}
            </>
          )}
        </div>
      </div>
    </div>
  )
}

/** The comparison as a dialog of its own (command 'compare'). */
export function CompareView(props: DialogProps) {
  const { t } = useTranslation('reuse')
  return (
    <DialogFrame
      title={t('compare.title')}
      description={t('compare.description')}
      onClose={props.onClose}
      closeLabel={t('close')}
      className="reuse-wide"
    >
      <CompareContent {...props} />
    </DialogFrame>
  )
}
