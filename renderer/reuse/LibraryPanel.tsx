import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocNode } from '../../core/document-model'
import type { LibraryEntry, LibraryHit } from '../../core/ipc/reuse-api'
import type { Provenance } from '../../core/report-file'
import { groupLibraryHits, type LibraryHitGroup } from '../../core/reuse/group-library-hits'
import { promoteSection } from '../../core/reuse/promote-section'
import type { ExcerptPiece } from '../../core/reuse/section-index'
import { DialogFrame } from '../app/DialogFrame'
import type { DialogProps } from '../app/extension-points'
import { CompareContent } from './CompareView'
import { DocPreview } from './DocPreview'

interface Selected {
  hit: LibraryHit
  nodes: DocNode[]
  sourceTitle: string
  sourceYear?: number
}

/** The text around the matches, every search word highlighted. */
function Excerpt({ pieces }: { pieces: ExcerptPiece[] }) {
  return (
    <span className="reuse-excerpt">
      {pieces.map((piece, index) =>
        piece.match ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </span>
  )
}

/** `二七区 · 人大常委会工作报告 · 2023年`. */
function GroupTitle({ group }: { group: LibraryHitGroup }) {
  const { t } = useTranslation('reuse')
  return (
    <h3>
      {[
        group.organisation || t('library.organisationUnknown'),
        group.kind ? t(`kinds.${group.kind}`, { defaultValue: group.kind }) : t('library.kindUnknown'),
        group.planYear ? t('library.year', { year: group.planYear }) : t('library.yearUnknown'),
      ].join(' · ')}
    </h3>
  )
}

/** 往年报告库: search earlier reports by words, preview a section, insert it at the cursor or as a new part. */
export function LibraryPanel(props: DialogProps) {
  const { t } = useTranslation('reuse')
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null)
  const [query, setQuery] = useState('')
  const [searched, setSearched] = useState<string | null>(null)
  const [hits, setHits] = useState<LibraryHit[]>([])
  const [selected, setSelected] = useState<Selected | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [mode, setMode] = useState<'search' | 'compare'>('search')

  useEffect(() => {
    let cancelled = false
    void window.api.libraryList().then(list => {
      if (!cancelled) setEntries(list)
    })
    return () => {
      cancelled = true
    }
  }, [])

  const search = async (text: string) => {
    const trimmed = text.trim()
    if (!trimmed) return
    setSearched(trimmed)
    setSelected(null)
    setHits(await window.api.librarySearch(trimmed))
  }

  const preview = async (hit: LibraryHit) => {
    const result = await window.api.librarySection({ entryId: hit.entryId, sectionPath: hit.sectionPath })
    if (!result.ok) return props.showError(result.message)
    setSelected({ hit, ...result.value })
    setStatus(null)
  }

  const insert = (asPart: boolean) => {
    if (!selected) return
    if (!props.report) return setStatus(t('library.noReport'))
    const nodes = asPart ? promoteSection(selected.nodes) : selected.nodes
    const source = selected.sourceYear ? `${selected.sourceTitle}（${selected.sourceYear}年）` : selected.sourceTitle
    const provenance: Provenance = {
      target: selected.hit.sectionTitle,
      sourceFile: entries?.find(entry => entry.id === selected.hit.entryId)?.source ?? '',
      sourceYear: selected.sourceYear,
      sourceTitle: selected.sourceTitle,
      at: new Date().toISOString(),
      kind: 'library',
    }
    if (props.insertNodes(nodes, provenance))
      setStatus(t('library.inserted', { title: selected.hit.sectionTitle, source }))
  }

  const groups = useMemo(() => groupLibraryHits(hits), [hits])
  const scheme = props.report?.meta.numbering ?? 'numbered'

  return (
    <DialogFrame
      title={t('library.title')}
      description={t('library.description')}
      onClose={props.onClose}
      closeLabel={t('close')}
      className="reuse-wide"
      data-testid="library-panel"
    >
      {props.report && (
        <div className="reuse-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={mode === 'search'} onClick={() => setMode('search')}>
            {t('library.title')}
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'compare'}
            onClick={() => setMode('compare')}
            data-testid="library-compare-tab"
          >
            {t('compare.title')}
          </button>
        </div>
      )}
      {mode === 'compare' && props.report ? (
        <CompareContent {...props} />
      ) : (
        <>
          <form
            className="reuse-search"
            role="search"
            onSubmit={event => {
              event.preventDefault()
              void search(query)
            }}
          >
            <input
              type="search"
              name="query"
              value={query}
              onChange={event => setQuery(event.target.value)}
              placeholder={t('library.search')}
              aria-label={t('library.search')}
              autoFocus
            />
            <button type="submit" className="primary">
              {t('library.searchButton')}
            </button>
          </form>
          {entries && (
            <p className="reuse-count">
              {entries.length ? t('library.entries', { count: entries.length }) : t('library.empty')}
            </p>
          )}
          <div className="reuse-columns">
            <div className="reuse-hits" data-testid="library-hits">
              {searched !== null && hits.length === 0 && (
                <p className="notes">{t('library.noHits', { query: searched })}</p>
              )}
              {groups.map(group => (
                <section
                  key={`${group.organisation}:${group.kind ?? ''}:${group.planYear ?? ''}`}
                  data-testid="library-group"
                >
                  <GroupTitle group={group} />
                  <ul>
                    {group.hits.map(hit => (
                      <li key={`${hit.entryId}:${hit.sectionPath.join('.')}`}>
                        <button
                          type="button"
                          className={selected?.hit === hit ? 'selected' : undefined}
                          onClick={() => void preview(hit)}
                        >
                          <strong>{hit.sectionTitle}</strong>
                          <Excerpt pieces={hit.excerpt} />
                        </button>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            <div className="reuse-preview-pane">
              {selected ? (
                <>
                  <p className="path">
                    {selected.sourceYear ? `${selected.sourceTitle}（${selected.sourceYear}年）` : selected.sourceTitle}
                  </p>
                  <DocPreview nodes={selected.nodes} scheme={scheme} testId="library-preview" />
                  <div className="dialog-buttons">
                    <button type="button" onClick={() => insert(true)} data-testid="library-insert-part">
                      {t('library.insertAsPart')}
                    </button>
                    <button
                      type="button"
                      className="primary"
                      onClick={() => insert(false)}
                      data-testid="library-insert"
                    >
                      {t('library.insertAtCursor')}
                    </button>
                  </div>
                </>
              ) : (
                <p className="notes">{t('library.choose')}</p>
              )}
              {status && (
                <p className="reuse-status" role="status">
                  {status}
                </p>
              )}
            </div>
          </div>
        </>
      )}
    </DialogFrame>
  )
}
