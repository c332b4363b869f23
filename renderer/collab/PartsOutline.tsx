import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  isOverdue,
  partLabel,
  partStatusNames,
  statusChangeRefusal,
  unassignedPart,
  type Member,
  type PartStatus,
} from '../../core/collab/part-workflow'
import type { SessionSnapshot } from './collab-session'
import { colourOf } from './collab-caret'

export interface OutlinePart {
  id: string
  root: string
  title: string
}

export interface AssignForm {
  n: number
  office: string
  due: string
}

interface PartsOutlineProps {
  /** The part whose 分配… form is open (the screen opens it for the 分配… command too). */
  assigning: AssignForm | null
  onAssigning(form: AssignForm | null): void
  member: Member
  snapshot: SessionSnapshot
  /** Whether the server answers: 分配/提交/审定/撤回/退回 are its requests, disabled (with the reason) offline. */
  online: boolean
  parts: OutlinePart[]
  today: string
  peopleIn(root: string): string[]
  onJump(root: string): void
  onAssign(n: number, office: string, due: string | null): Promise<boolean>
  onStatus(n: number, status: PartStatus): Promise<boolean>
  /** The owner's structural edits: the `parts` array and new part fragments. */
  onMove(n: number, delta: -1 | 1): void
  onRemove(n: number): void
  onAdd(): void
}

/** Who holds each part (office, due date, status, overdue), who is in it now, and the workflow buttons. */
export function PartsOutline({
  member,
  snapshot,
  online,
  parts,
  today,
  peopleIn,
  onJump,
  onAssign,
  onStatus,
  assigning,
  onAssigning: setAssigning,
  onMove,
  onRemove,
  onAdd,
}: PartsOutlineProps) {
  const { t } = useTranslation('collab')
  // 删除 asks once more on the same button.
  const [removing, setRemoving] = useState<string | null>(null)
  const owner = member.role === 'owner'
  const workflow = { disabled: !online, title: online ? undefined : t('workflowOffline') }
  return (
    <nav className="collab-outline" data-testid="collab-outline" aria-label={t('outline')}>
      <h2>{t('outline')}</h2>
      <ol>
        {parts.map((part, index) => {
          const n = index + 1
          const assignment = snapshot.workflow.get(part.id) ?? unassignedPart
          const label = partLabel(n, part.title)
          const overdue = isOverdue(assignment, today)
          const people = peopleIn(part.root)
          const can = (to: PartStatus) =>
            assignment.status !== to && statusChangeRefusal(member, assignment, to, label) === null
          return (
            <li key={part.id} data-testid={`collab-part-${n}`} className={overdue ? 'overdue' : undefined}>
              <button type="button" className="collab-part-title" onClick={() => onJump(part.root)}>
                {label}
              </button>
              <div className="collab-part-meta">
                <span className="collab-office">{assignment.office ?? t('unassigned')}</span>
                {assignment.due && <span className="collab-due">{t('due', { due: assignment.due })}</span>}
                <span className={`collab-status status-${assignment.status}`}>
                  {partStatusNames[assignment.status]}
                </span>
                {overdue && <span className="collab-overdue">{t('overdue')}</span>}
              </div>
              {people.length > 0 && (
                <div className="collab-people" data-testid={`collab-people-${n}`}>
                  {people.map(name => (
                    <span key={name} className="collab-person" style={{ borderColor: colourOf(name) }}>
                      {name}
                    </span>
                  ))}
                </div>
              )}
              <div className="collab-part-actions">
                {owner && (
                  <>
                    <button type="button" disabled={n === 1} onClick={() => onMove(n, -1)} title={t('moveUp')}>
                      ↑
                    </button>
                    <button
                      type="button"
                      disabled={n === parts.length}
                      onClick={() => onMove(n, 1)}
                      title={t('moveDown')}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      className={removing === part.id ? 'danger' : undefined}
                      onClick={() => {
                        if (removing !== part.id) return setRemoving(part.id)
                        setRemoving(null)
                        onRemove(n)
                      }}
                    >
                      {removing === part.id ? t('removeConfirm') : t('remove')}
                    </button>
                  </>
                )}
                {member.role === 'owner' && (
                  <button
                    type="button"
                    {...workflow}
                    onClick={() => setAssigning({ n, office: assignment.office ?? '', due: assignment.due ?? '' })}
                  >
                    {t('assign')}
                  </button>
                )}
                {can('submitted') && (
                  <button type="button" {...workflow} onClick={() => void onStatus(n, 'submitted')}>
                    {t('submit')}
                  </button>
                )}
                {can('approved') && (
                  <button type="button" {...workflow} onClick={() => void onStatus(n, 'approved')}>
                    {t('approve')}
                  </button>
                )}
                {can('drafting') && (
                  <button type="button" {...workflow} onClick={() => void onStatus(n, 'drafting')}>
                    {member.role === 'owner' ? t('reopen') : t('withdraw')}
                  </button>
                )}
              </div>
              {assigning?.n === n && (
                <form
                  className="collab-assign"
                  data-testid="collab-assign"
                  onSubmit={event => {
                    event.preventDefault()
                    void onAssign(n, assigning.office.trim(), assigning.due || null).then(done => {
                      if (done) setAssigning(null)
                    })
                  }}
                >
                  <label>
                    {t('assignOffice')}
                    <input
                      name="office"
                      value={assigning.office}
                      onChange={event => setAssigning({ ...assigning, office: event.target.value })}
                    />
                  </label>
                  <label>
                    {t('assignDue')}
                    <input
                      name="due"
                      type="date"
                      value={assigning.due}
                      onChange={event => setAssigning({ ...assigning, due: event.target.value })}
                    />
                  </label>
                  <button type="submit" {...workflow}>
                    {t('assignSave')}
                  </button>
                  <button type="button" onClick={() => setAssigning(null)}>
                    {t('cancel')}
                  </button>
                </form>
              )}
            </li>
          )
        })}
      </ol>
      {owner && (
        <button type="button" className="collab-add-part" data-testid="collab-add-part" onClick={onAdd}>
          {t('addPart')}
        </button>
      )}
    </nav>
  )
}
