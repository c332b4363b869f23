import type { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import * as Y from 'yjs'
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import {
  memberRoleNames,
  partLabel,
  statusChangeRefusal,
  unassignedPart,
  writeRefusal,
  type Member,
  type PartStatus,
} from '../../core/collab/part-workflow'
import {
  CollabRoot,
  decidedRootName,
  parseCommentsRoot,
  partIdOfRoot,
  partRootName,
  targetOfDecidedRoot,
} from '../../core/collab/report-roots'
import type { DecidedEntry, SharedThread } from '../../core/collab/shared-comments'
import { collectReviewMarks, type PendingSuggestion } from '../../core/review/collect-review-marks'
import { resolveSuggestions, type Resolution } from '../../core/review/resolve-suggestions'
import { sharedReportFile } from '../../core/collab/shared-report-file'
import { partTitle } from '../../core/collab/split-report'
import { lockedRules } from '../../core/checks/gate-rules'
import type { FindingLocation } from '../../core/checks/finding'
import type { DocNode } from '../../core/document-model'
import type { CollabConnection } from '../../core/ipc/collab-api'
import type { NumberingScheme } from '../../core/numbering'
import { checkSettingsSchema, type ReportFile } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import { createReportAnalyzer, type ReportAnalysis, type ReportAnalyzer } from '../app/analyze-report'
import { ChecksPanel } from '../app/ChecksPanel'
import { bindCommands } from '../app/command-registry'
import { dialogFor } from '../app/extension-points'
import { docJson } from '../editor/doc-json'
import { SUGGESTION_SKIP } from '../editor/extensions/suggestion'
import { locationToRange } from '../editor/doc-positions'
import { metaFromDoc } from '../editor/front-matter-binding'
import { CollabSession } from './collab-session'
import { FragmentEditor } from './FragmentEditor'
import { anchorOfSelection, rangeOfAnchor } from './shared-comment-anchors'
import { readThreads } from './shared-comments-ydoc'
import { SharedCommentsPanel } from './SharedCommentsPanel'
import { SharedFindBar } from './SharedFindBar'
import { PartsOutline, type AssignForm, type OutlinePart } from './PartsOutline'

export interface SharedReportScreenProps {
  connection: CollabConnection
  reportId: string
  member: Member
  onClose(): void
  showError(message: string): void
}

const ANALYSIS_DELAY_MS = 400

function localToday(): string {
  const now = new Date()
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A part id like the server's (`p` and 10 base-32 characters). */
function newPartId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  return 'p' + Array.from(crypto.getRandomValues(new Uint8Array(10)), byte => alphabet[byte & 31]).join('')
}

function titleIn(editor: Editor | undefined): string {
  return editor ? partTitle(docJson(editor.state.doc).content ?? []) : ''
}

function plainText(blocks: readonly DocNode[]): string {
  const text = (node: DocNode): string => node.text ?? (node.content ?? []).map(text).join('')
  return blocks.map(text).join('\n')
}

/**
 * A shared report: one TipTap editor per root type of its Y.Doc (front, the parts in order, closing), stacked on one
 * page; the parts' assignments and who is where; checks and the export gate on the joined document.
 */
export function SharedReportScreen({ connection, reportId, member, onClose, showError }: SharedReportScreenProps) {
  const { t } = useTranslation('collab')
  const [notices, setNotices] = useState<Array<{ id: number; title: string; message: string; text?: string }>>([])
  const lastEdited = useRef<string | null>(null)
  const editors = useRef(new Map<string, Editor>())
  const notice = useCallback((title: string, message: string, text?: string) => {
    // The same sentence again (each key pressed in a read-only part) is shown once.
    setNotices(current => [
      ...current.filter(each => each.title !== title || each.message !== message).slice(-2),
      { id: Date.now() + Math.random(), title, message, text },
    ])
  }, [])

  const [session] = useState(
    // The handlers read the refs when the session calls them, never during render.
    // eslint-disable-next-line react-hooks/refs
    () =>
      new CollabSession(connection, reportId, member, {
        onRefused: message => {
          const root = lastEdited.current
          const editor = root ? editors.current.get(root) : undefined
          const text = editor ? plainText(docJson(editor.state.doc).content ?? []) : undefined
          notice(t('refusedTitle'), message, text)
        },
        onAuthFailed: reason => showError(t('authFailed', { reason })),
      }),
  )
  useEffect(() => () => session.destroy(), [session])
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)
  const { generation, partIds } = snapshot

  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map())
  const [report, setReport] = useState<ReportFile | null>(null)
  const [analysis, setAnalysis] = useState<ReportAnalysis | null>(null)
  const [template, setTemplate] = useState<Template | undefined>(undefined)
  const [showChecks, setShowChecks] = useState(true)
  const [showComments, setShowComments] = useState(false)
  const [suggesting, setSuggesting] = useState(false)
  // Pending suggestions of each text root, read with the checks (after a pause in typing).
  const [suggestions, setSuggestions] = useState<ReadonlyMap<string, PendingSuggestion[]>>(new Map())
  // Grows when a comments or decided root changes: the panel and the anchors are drawn again.
  const [commentsVersion, setCommentsVersion] = useState(0)
  const [findMode, setFindMode] = useState<'find' | 'replace' | null>(null)
  // 导出… and 打印… work on the joined report, through the dialogs renderer/export registered.
  const [exporting, setExporting] = useState<{ command: 'export' | 'print'; report: ReportFile } | null>(null)
  // Registered by renderer/export at start-up (after this module was loaded).
  const [ExportDialog] = useState(() => dialogFor('export'))
  const [PrintDialog] = useState(() => dialogFor('print'))
  const analyzer = useRef<ReportAnalyzer | null>(null)
  const timer = useRef<number | undefined>(undefined)

  const meta = session.doc.getMap<unknown>(CollabRoot.meta)
  const scheme = ((meta.get('meta') as { numbering?: NumberingScheme } | undefined)?.numbering ??
    'numbered') as NumberingScheme

  /** The report the editors show, joined in reading order (what `wrs pull` writes). */
  const currentReport = useCallback((): ReportFile | null => {
    const blocks = (root: string) => {
      const editor = editors.current.get(root)
      return editor ? (docJson(editor.state.doc).content ?? []) : []
    }
    const ids = session.getSnapshot().partIds
    const report = sharedReportFile(new Map(session.doc.getMap<unknown>(CollabRoot.meta).entries()), {
      front: blocks(CollabRoot.front),
      parts: ids.map(id => blocks(partRootName(id))),
      closing: blocks(CollabRoot.closing),
    })
    // Title, date and speaker as the front matter shows them now (the file editor reads them the same way).
    const front = editors.current.get(CollabRoot.front)
    return report && front ? { ...report, meta: metaFromDoc(front.state.doc, report.meta) } : report
  }, [session])

  const exportReport = useCallback(
    (command: 'export' | 'print') => {
      const report = currentReport()
      if (report) setExporting({ command, report })
    },
    [currentReport],
  )

  const analyse = useCallback(() => {
    const report = currentReport()
    const editor = editors.current.get(CollabRoot.front)
    setTitles(new Map(session.getSnapshot().partIds.map(id => [id, titleIn(editors.current.get(partRootName(id)))])))
    setSuggestions(
      new Map(
        [...editors.current].map(([root, each]) => [root, collectReviewMarks(docJson(each.state.doc)).suggestions]),
      ),
    )
    setReport(report)
    if (!report || !editor) return
    analyzer.current ??= createReportAnalyzer()
    const doc = editor.schema.nodeFromJSON(report.doc)
    analyzer.current
      .analyze(report, doc, template)
      .then(setAnalysis, (error: unknown) => showError(error instanceof Error ? error.message : String(error)))
  }, [currentReport, session, showError, template])

  useEffect(() => {
    const templateId = (meta.get('meta') as { templateId?: string } | undefined)?.templateId
    if (!templateId || template) return
    void window.api.getTemplate(templateId).then(result => result.ok && setTemplate(result.value))
  }, [meta, template, report])

  useEffect(() => {
    const onUpdate = () => {
      window.clearTimeout(timer.current)
      timer.current = window.setTimeout(analyse, ANALYSIS_DELAY_MS)
    }
    session.doc.on('update', onUpdate)
    onUpdate()
    return () => {
      session.doc.off('update', onUpdate)
      window.clearTimeout(timer.current)
    }
  }, [analyse, session.doc, generation])
  useEffect(() => () => analyzer.current?.dispose(), [])
  useEffect(() => {
    const onTransaction = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        if (type._item !== null) continue
        const name = Y.findRootTypeKey(type)
        if (parseCommentsRoot(name) || targetOfDecidedRoot(name) !== undefined) {
          setCommentsVersion(version => version + 1)
          return
        }
      }
    }
    session.doc.on('afterTransaction', onTransaction)
    return () => session.doc.off('afterTransaction', onTransaction)
  }, [session.doc, generation])

  const titleOf = useCallback((id: string) => titles.get(id) ?? '', [titles])
  const parts: OutlinePart[] = useMemo(
    () => partIds.map(id => ({ id, root: partRootName(id), title: titleOf(id) })),
    [partIds, titleOf],
  )
  const roots = useMemo(() => [CollabRoot.front, ...parts.map(part => part.root), CollabRoot.closing], [parts])
  // The threads on each text root, read again when a comments or decided root changed.
  const threadsByRoot = useMemo(
    () => new Map(roots.map(root => [root, readThreads(session.doc, root)])),
    // commentsVersion and generation: the Y.Doc changed under the same session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [roots, session, commentsVersion, generation],
  )
  const threadsOf = useCallback((root: string) => threadsByRoot.get(root) ?? [], [threadsByRoot])

  const refusalOf = useCallback(
    (root: string) =>
      writeRefusal(
        member,
        root,
        partId => snapshot.workflow.get(partId) ?? unassignedPart,
        partId => partLabel(partIds.indexOf(partId) + 1, titleOf(partId)),
      ),
    [member, partIds, snapshot.workflow, titleOf],
  )

  const focusRoot = useCallback((root: string, where: 'start' | 'end') => {
    const editor = editors.current.get(root)
    if (!editor) return false
    editor.commands.focus(where)
    editor.view.dom.scrollIntoView({ block: where === 'start' ? 'start' : 'end' })
    return true
  }, [])
  /** Shows a finding's place: its top-level index in the joined report counts through the editors in order. */
  const jumpTo = useCallback(
    (location: FindingLocation) => {
      let index = location.path[0] ?? 0
      for (const root of roots) {
        const editor = editors.current.get(root)
        if (!editor) return
        const { doc } = editor.state
        if (index < doc.childCount) {
          const range = locationToRange(doc, { ...location, path: [index, ...location.path.slice(1)] })
          if (!range) return
          const selection = range.node
            ? NodeSelection.create(doc, range.from)
            : TextSelection.create(doc, range.from, range.to)
          editor.view.dispatch(editor.state.tr.setSelection(selection).scrollIntoView())
          editor.view.focus()
          return
        }
        index -= doc.childCount
      }
    },
    [roots],
  )

  const jumpToThread = useCallback(
    (root: string, thread: SharedThread) => {
      const editor = editors.current.get(root)
      if (!editor) return
      const range = thread.anchor ? rangeOfAnchor(editor.state, session.doc, thread.anchor) : null
      if (!range) return void focusRoot(root, 'start')
      editor.view.dispatch(
        editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, range.to)).scrollIntoView(),
      )
      editor.view.focus()
    },
    [focusRoot, session],
  )

  /** Accepts or rejects one suggestion in its editor and records the decision, in one Yjs transaction. */
  const decideSuggestion = useCallback(
    (root: string, suggestion: PendingSuggestion, action: Resolution) => {
      const editor = editors.current.get(root)
      if (!editor) return
      const resolved = resolveSuggestions(docJson(editor.state.doc), ref =>
        ref.id === suggestion.id && ref.kind === suggestion.kind ? action : null,
      )
      const content = editor.schema.nodeFromJSON(resolved).content
      const record: DecidedEntry = {
        kind: 'suggestion',
        id: suggestion.id,
        type: suggestion.kind,
        author: suggestion.author,
        date: suggestion.date,
        text: suggestion.text.slice(0, 5000),
        status: action === 'accept' ? 'accepted' : 'rejected',
        by: member.name,
        decidedAt: new Date().toISOString(),
      }
      session.doc.transact(() => {
        editor.view.dispatch(
          editor.state.tr.replaceWith(0, editor.state.doc.content.size, content).setMeta(SUGGESTION_SKIP, true),
        )
        session.doc.getArray<unknown>(decidedRootName(root)).push([record])
      })
    },
    [member, session],
  )

  const onEdge = useCallback(
    (root: string, direction: 'next' | 'previous') => {
      const index = roots.indexOf(root) + (direction === 'next' ? 1 : -1)
      const target = roots[index]
      return target !== undefined && focusRoot(target, direction === 'next' ? 'start' : 'end')
    },
    [focusRoot, roots],
  )
  // The part the 分配…/提交/审定/退回 commands act on: the one holding (or last holding) the cursor.
  const [assigning, setAssigning] = useState<AssignForm | null>(null)
  const focusedPart = useRef<string | null>(null)
  const onEditor = useCallback((root: string, editor: Editor | null) => {
    if (editor) editors.current.set(root, editor)
    else editors.current.delete(root)
    // A part's title names it in the outline and in the read-only sentence from the moment it is shown.
    const partId = partIdOfRoot(root)
    if (editor && partId) setTitles(current => new Map(current).set(partId, titleIn(editor)))
  }, [])

  const request = useCallback(
    async (call: () => Promise<{ ok: boolean; message?: string }>) => {
      try {
        const result = await call()
        if (!result.ok) showError(result.message ?? '')
        return result.ok
      } catch {
        showError('与应用的连接中断了，请重试。')
        return false
      }
    },
    [showError],
  )

  // 分配/提交/审定/退回 are requests to the server (it checks who asks): not offered while it cannot be reached.
  const workflowOnline = snapshot.status === 'synced' || snapshot.status === 'connected'

  // 分配…/提交/审定/退回 from the menu or keys act on the part holding (or last holding) the cursor; export gets the
  // joined report; a shared report is saved on the server, not in a file.
  useEffect(() => {
    const part = () => {
      const id = focusedPart.current ? partIdOfRoot(focusedPart.current) : undefined
      const n = id ? partIds.indexOf(id) + 1 : 0
      if (n === 0) notice(t('pickPart'), '')
      return n === 0 ? null : { n, id: id!, assignment: snapshot.workflow.get(id!) ?? unassignedPart }
    }
    const status = (to: PartStatus) => {
      const target = part()
      if (!target) return
      if (!workflowOnline) return notice(t('workflowOffline'), '')
      const refusal = statusChangeRefusal(member, target.assignment, to, partLabel(target.n, titleOf(target.id)))
      if (refusal) return notice(refusal, '')
      void request(() => window.api.collabSetStatus(connection, reportId, target.n, to))
    }
    return bindCommands({
      collabAssign: () => {
        const target = part()
        if (!target) return
        if (member.role !== 'owner') return notice('只有报告负责人可以分配部分。', '')
        if (!workflowOnline) return notice(t('workflowOffline'), '')
        setAssigning({ n: target.n, office: target.assignment.office ?? '', due: target.assignment.due ?? '' })
      },
      collabSubmit: () => status('submitted'),
      collabApprove: () => status('approved'),
      collabReopen: () => status('drafting'),
      export: () => exportReport('export'),
      print: () => exportReport('print'),
      find: () => setFindMode('find'),
      replace: () => setFindMode('replace'),
      toggleMeta: () => notice(t('notInShared'), ''),
      save: () => notice(t('savedOnServer'), ''),
      saveAs: () => notice(t('savedOnServer'), ''),
      toggleChecks: () => {
        setShowChecks(value => !value)
        setShowComments(false)
      },
    })
  }, [
    connection,
    exportReport,
    member,
    notice,
    partIds,
    reportId,
    request,
    snapshot.workflow,
    t,
    titleOf,
    workflowOnline,
  ])

  // The owner's structural edits write the `parts` array (and a new part's fragment) in one transaction each.
  const partsArray = () => session.doc.getArray<string>(CollabRoot.parts)
  const movePart = (n: number, delta: -1 | 1) => {
    const order = partsArray()
    const id = partIds[n - 1]
    const target = partIds[n - 1 + delta]
    if (!id || !target) return
    session.doc.transact(() => {
      const from = order.toArray().indexOf(id)
      order.delete(from, 1)
      const to = order.toArray().indexOf(target)
      order.insert(delta < 0 ? to : to + 1, [id])
    })
  }
  const removePart = (n: number) => {
    const order = partsArray()
    const index = order.toArray().indexOf(partIds[n - 1] ?? '')
    if (index >= 0) order.delete(index, 1)
  }
  const addPart = () => {
    const id = newPartId()
    session.doc.transact(() => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 1 as unknown as string)
      heading.insert(0, [new Y.XmlText(t('newPartTitle'))])
      session.doc.getXmlFragment(partRootName(id)).insert(0, [heading])
      partsArray().push([id])
    })
  }

  const labelOf = (root: string, index: number) =>
    root === CollabRoot.front
      ? t('front')
      : root === CollabRoot.closing
        ? t('closing')
        : partLabel(index, parts[index - 1]?.title ?? '')

  const people = snapshot.presence.filter(each => !each.self)
  const locked = useMemo(() => lockedRules(template), [template])
  const metaValue = meta.get('meta') as { title?: string } | undefined

  const ExportOrPrint = exporting?.command === 'print' ? PrintDialog : ExportDialog
  return (
    <div className="shared-screen" data-testid="shared-screen" data-report={reportId} data-generation={generation}>
      <header className="shared-bar">
        <strong className="shared-title">{metaValue?.title || reportId}</strong>
        <span className={`shared-status status-${snapshot.status}`} data-testid="collab-status">
          {t(`status.${snapshot.status}`)}
        </span>
        <span className="shared-me">
          {t('signedInAs', {
            name: member.name,
            offices: member.offices.join('、') || '—',
            role: memberRoleNames[member.role],
          })}
        </span>
        <span className="shared-online" data-testid="collab-online">
          {people.length > 0 && t('online')}
          {people.map(person => (
            <span key={person.clientId} className="collab-person">
              {person.name}
            </span>
          ))}
        </span>
        <span className="shared-actions">
          {ExportDialog && (
            <button type="button" onClick={() => exportReport('export')}>
              {t('export')}
            </button>
          )}
          {member.role !== 'reader' && (
            <button
              type="button"
              aria-pressed={suggesting}
              data-testid="shared-suggesting"
              title={t('suggestingHint')}
              onClick={() => setSuggesting(value => !value)}
            >
              {t('suggesting')}
            </button>
          )}
          <button
            type="button"
            aria-pressed={showComments}
            data-testid="shared-comments-toggle"
            onClick={() => {
              // One panel beside the page at a time: the page keeps its width.
              setShowComments(value => !value)
              setShowChecks(false)
            }}
          >
            {t('comments')}
          </button>
          <button
            type="button"
            aria-pressed={showChecks}
            onClick={() => {
              setShowChecks(value => !value)
              setShowComments(false)
            }}
          >
            {t('checks')}
          </button>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </span>
      </header>
      {findMode && (
        <SharedFindBar
          mode={findMode}
          onMode={setFindMode}
          onClose={() => setFindMode(null)}
          onSkipped={count => notice(t('replaceSkipped', { count }), '')}
          editors={() =>
            roots.flatMap(root => {
              const editor = editors.current.get(root)
              return editor ? [{ editor, refusal: refusalOf(root) }] : []
            })
          }
        />
      )}
      {notices.map(each => (
        <div key={each.id} className="collab-notice" role="alert" data-testid="collab-notice">
          <strong>{each.title}</strong>
          <p>{each.message}</p>
          {each.text && (
            <>
              <p>{t('refusedText')}</p>
              <textarea readOnly value={each.text} rows={3} />
            </>
          )}
          <button type="button" onClick={() => setNotices(current => current.filter(other => other.id !== each.id))}>
            {t('dismiss')}
          </button>
        </div>
      ))}
      <div className="shared-workspace">
        <PartsOutline
          member={member}
          snapshot={snapshot}
          online={workflowOnline}
          parts={parts}
          today={localToday()}
          peopleIn={root => session.peopleIn(root)}
          onJump={root => focusRoot(root, 'start')}
          onAssign={(n, office, due) => request(() => window.api.collabAssign(connection, reportId, n, office, due))}
          onMove={movePart}
          onRemove={removePart}
          onAdd={addPart}
          assigning={assigning}
          onAssigning={setAssigning}
          onStatus={(n, status: PartStatus) =>
            request(() => window.api.collabSetStatus(connection, reportId, n, status))
          }
        />
        <main className="canvas shared-canvas">
          <div className="page" data-numbering={scheme} key={generation}>
            {snapshot.ready &&
              roots.map((root, index) => (
                <FragmentEditor
                  key={root}
                  doc={session.doc}
                  awareness={session.provider.awareness}
                  root={root}
                  scheme={scheme}
                  numberingStart={root.startsWith('part:') ? index - 1 : 0}
                  refusal={refusalOf(root)}
                  label={labelOf(root, index)}
                  threads={() => threadsOf(root)}
                  commentsVersion={commentsVersion}
                  suggesting={suggesting}
                  author={member.name}
                  onToggleSuggesting={() => member.role !== 'reader' && setSuggesting(value => !value)}
                  onEdge={onEdge}
                  onEditor={onEditor}
                  onRefusedTyping={message => notice(message, '')}
                  onFocus={focused => {
                    focusedPart.current = focused
                  }}
                  onChange={changed => {
                    lastEdited.current = changed
                  }}
                />
              ))}
          </div>
        </main>
        {showComments && (
          <aside className="side-panel">
            <SharedCommentsPanel
              doc={session.doc}
              member={member}
              roots={roots.map((root, index) => ({ root, label: labelOf(root, index) }))}
              threadsOf={threadsOf}
              suggestionsOf={root => suggestions.get(root) ?? []}
              onDecide={decideSuggestion}
              mayWrite={root => refusalOf(root) === null}
              selection={() => {
                const root = focusedPart.current
                const editor = root ? editors.current.get(root) : undefined
                const target = editor ? anchorOfSelection(editor.state) : null
                return root && target ? { root, ...target } : null
              }}
              onJump={jumpToThread}
            />
          </aside>
        )}
        {showChecks && (
          <aside className="side-panel">
            <ChecksPanel
              findings={analysis?.findings ?? null}
              checks={report?.checks ?? checkSettingsSchema.parse({})}
              onJump={jumpTo}
              onFix={() => undefined}
              onFixAll={() => undefined}
              onChecks={() => undefined}
              locked={locked}
            />
          </aside>
        )}
      </div>
      {exporting && ExportOrPrint && (
        <ExportOrPrint
          report={exporting.report}
          path={null}
          onClose={() => setExporting(null)}
          openReport={() => undefined}
          insertNodes={() => false}
          jumpTo={location => {
            setExporting(null)
            jumpTo(location)
          }}
          showError={showError}
          liveEditor={() => null}
        />
      )}
    </div>
  )
}
