import { createHash, randomBytes } from 'node:crypto'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Member, MemberRole } from '../../../core/collab/part-workflow'
import { openSqlite, type SqliteDatabase, type SqliteValue } from './open-sqlite'

/** The one database file in the server's data folder; nothing else is ever read or written there. */
export const DATABASE_FILE = 'wrs-collab.sqlite'

export interface MemberRecord extends Member {
  createdAt: string
  revokedAt: string | null
}

export interface ReportRecord {
  id: string
  title: string
  createdBy: string
  createdAt: string
}

export interface StoredDocument {
  /** The last compacted state (null for a report whose state was never written). */
  state: Uint8Array | null
  /** Updates acknowledged since, in order. */
  updates: Uint8Array[]
  /** Highest update sequence number read. */
  lastSeq: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS members (
  name TEXT PRIMARY KEY,
  id TEXT,
  offices TEXT NOT NULL,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS reports (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_states (
  report_id TEXT PRIMARY KEY REFERENCES reports(id),
  state BLOB NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  report_id TEXT NOT NULL REFERENCES reports(id),
  update_data BLOB NOT NULL,
  member TEXT,
  received_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS document_updates_by_report ON document_updates(report_id, seq);
`

/** Personal tokens: 24 random bytes; only their SHA-256 is stored (a random token needs no slow hash). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** A member id (core MEMBER_ID_PATTERN): new for every add-user, so a re-added name is not the earlier member. */
function newMemberId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  return 'm' + Array.from(randomBytes(10), byte => alphabet[byte & 31]).join('')
}

function newToken(): string {
  return 'wrs_' + randomBytes(24).toString('base64url')
}

const now = () => new Date().toISOString()

function bytes(value: SqliteValue | undefined): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  throw new Error('数据库中的文档数据已损坏。')
}

interface PendingUpdate {
  reportId: string
  update: Uint8Array
  member: string | null
  done: () => void
  failed: (error: unknown) => void
}

/**
 * The collaboration server's storage: members and their hashed tokens, shared reports, and each report's Yjs
 * document as a compacted state plus the updates acknowledged since (a write-ahead log). Several server processes may
 * share one data folder (SQLite in WAL mode locks the file; writes take the lock with `BEGIN IMMEDIATE`).
 */
export class CollabStore {
  private pending: PendingUpdate[] = []
  private flushScheduled = false

  private constructor(
    private readonly db: SqliteDatabase,
    readonly file: string,
  ) {}

  static async open(dataDir: string): Promise<CollabStore> {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const file = path.join(dataDir, DATABASE_FILE)
    const db = await openSqlite(file)
    db.exec('PRAGMA busy_timeout = 10000')
    db.exec('PRAGMA journal_mode = WAL')
    // FULL: a commit is on disk (the WAL fsynced) before the update it holds is acknowledged, power cut included.
    db.exec('PRAGMA synchronous = FULL')
    db.exec('PRAGMA foreign_keys = ON')
    db.exec(SCHEMA)
    // Data folders from before member ids: add the column, give every member one (his comments are bound to it).
    if (!db.prepare("SELECT 1 AS found FROM pragma_table_info('members') WHERE name = 'id'").get()) {
      db.exec('ALTER TABLE members ADD COLUMN id TEXT')
    }
    for (const row of db.prepare('SELECT name FROM members WHERE id IS NULL').all()) {
      db.prepare('UPDATE members SET id = ? WHERE name = ?').run(newMemberId(), String(row.name))
    }
    return new CollabStore(db, file)
  }

  get driver(): SqliteDatabase['driver'] {
    return this.db.driver
  }

  close(): void {
    this.flush()
    this.db.close()
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.db.exec('COMMIT')
      return result
    } catch (error) {
      this.db.exec('ROLLBACK')
      throw error
    }
  }

  // ---- members ----

  /** Adds a member and returns the personal token (shown once; only its hash is kept). */
  addMember(member: Omit<Member, 'id'>): { token: string; id: string } | { refused: string } {
    const token = newToken()
    const id = newMemberId()
    return this.transaction(() => {
      const existing = this.db.prepare('SELECT revoked_at FROM members WHERE name = ?').get(member.name)
      if (existing && existing.revoked_at === null) {
        return {
          refused: `已有成员“${member.name}”。如需为他换一个令牌，请先运行 wrs team revoke 收回旧令牌，再重新添加。`,
        }
      }
      this.db
        .prepare(
          `INSERT INTO members (name, id, offices, role, token_hash, created_at, revoked_at)
           VALUES (?, ?, ?, ?, ?, ?, NULL)
           ON CONFLICT(name) DO UPDATE SET id = excluded.id, offices = excluded.offices, role = excluded.role,
             token_hash = excluded.token_hash, created_at = excluded.created_at, revoked_at = NULL`,
        )
        .run(member.name, id, JSON.stringify(member.offices), member.role, hashToken(token), now())
      return { token, id }
    })
  }

  listMembers(): MemberRecord[] {
    return this.db
      .prepare('SELECT id, name, offices, role, created_at, revoked_at FROM members ORDER BY created_at, name')
      .all()
      .map(row => ({
        id: String(row.id),
        name: String(row.name),
        offices: JSON.parse(String(row.offices)) as string[],
        role: String(row.role) as MemberRole,
        createdAt: String(row.created_at),
        revokedAt: row.revoked_at === null ? null : String(row.revoked_at),
      }))
  }

  /** Revokes a member's token; false when there is no active member of that name. */
  revokeMember(name: string): boolean {
    return this.transaction(() => {
      const row = this.db.prepare('SELECT revoked_at FROM members WHERE name = ?').get(name)
      if (!row || row.revoked_at !== null) return false
      this.db.prepare('UPDATE members SET revoked_at = ? WHERE name = ?').run(now(), name)
      return true
    })
  }

  /** The active member holding this token. */
  memberByToken(token: string): Member | undefined {
    const row = this.db
      .prepare('SELECT id, name, offices, role FROM members WHERE token_hash = ? AND revoked_at IS NULL')
      .get(hashToken(token))
    if (!row) return undefined
    return {
      id: String(row.id),
      name: String(row.name),
      offices: JSON.parse(String(row.offices)) as string[],
      role: row.role as MemberRole,
    }
  }

  // ---- reports ----

  createReport(report: ReportRecord, state: Uint8Array): void {
    this.transaction(() => {
      this.db
        .prepare('INSERT INTO reports (id, title, created_by, created_at) VALUES (?, ?, ?, ?)')
        .run(report.id, report.title, report.createdBy, report.createdAt)
      this.db
        .prepare('INSERT INTO document_states (report_id, state, updated_at) VALUES (?, ?, ?)')
        .run(report.id, state, now())
    })
  }

  report(id: string): ReportRecord | undefined {
    const row = this.db.prepare('SELECT id, title, created_by, created_at FROM reports WHERE id = ?').get(id)
    if (!row) return undefined
    return {
      id: String(row.id),
      title: String(row.title),
      createdBy: String(row.created_by),
      createdAt: String(row.created_at),
    }
  }

  listReports(): ReportRecord[] {
    return this.db
      .prepare('SELECT id, title, created_by, created_at FROM reports ORDER BY created_at')
      .all()
      .map(row => ({
        id: String(row.id),
        title: String(row.title),
        createdBy: String(row.created_by),
        createdAt: String(row.created_at),
      }))
  }

  // ---- documents ----

  loadDocument(reportId: string): StoredDocument {
    this.db.exec('BEGIN')
    try {
      const state = this.db.prepare('SELECT state FROM document_states WHERE report_id = ?').get(reportId)
      const rows = this.db
        .prepare('SELECT seq, update_data FROM document_updates WHERE report_id = ? ORDER BY seq')
        .all(reportId)
      return {
        state: state ? bytes(state.state) : null,
        updates: rows.map(row => bytes(row.update_data)),
        lastSeq: rows.length ? Number(rows[rows.length - 1]!.seq) : 0,
      }
    } finally {
      this.db.exec('COMMIT')
    }
  }

  /**
   * Logs an update before it is applied and acknowledged. Updates arriving in the same event-loop turn share one
   * transaction (one fsync), so many typing clients do not each wait for the disk.
   */
  appendUpdate(reportId: string, update: Uint8Array, member: string | null): Promise<void> {
    return new Promise((done, failed) => {
      this.pending.push({ reportId, update, member, done, failed })
      if (!this.flushScheduled) {
        this.flushScheduled = true
        setImmediate(() => this.flush())
      }
    })
  }

  private flush(): void {
    this.flushScheduled = false
    const batch = this.pending.splice(0)
    if (!batch.length) return
    try {
      this.transaction(() => {
        const insert = this.db.prepare(
          'INSERT INTO document_updates (report_id, update_data, member, received_at) VALUES (?, ?, ?, ?)',
        )
        const at = now()
        for (const entry of batch) insert.run(entry.reportId, entry.update, entry.member, at)
      })
    } catch (error) {
      for (const entry of batch) entry.failed(error)
      return
    }
    for (const entry of batch) entry.done()
  }

  /**
   * Folds the logged updates into the state: `merge` gets the stored state and updates (read inside the write lock,
   * so updates another process logs meanwhile wait) and returns the new state, which replaces them in one commit.
   */
  compact(reportId: string, merge: (stored: StoredDocument) => Uint8Array): void {
    this.transaction(() => {
      const state = this.db.prepare('SELECT state FROM document_states WHERE report_id = ?').get(reportId)
      const rows = this.db
        .prepare('SELECT seq, update_data FROM document_updates WHERE report_id = ? ORDER BY seq')
        .all(reportId)
      const lastSeq = rows.length ? Number(rows[rows.length - 1]!.seq) : 0
      const merged = merge({
        state: state ? bytes(state.state) : null,
        updates: rows.map(row => bytes(row.update_data)),
        lastSeq,
      })
      this.db
        .prepare(
          `INSERT INTO document_states (report_id, state, updated_at) VALUES (?, ?, ?)
           ON CONFLICT(report_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
        )
        .run(reportId, merged, now())
      if (lastSeq)
        this.db.prepare('DELETE FROM document_updates WHERE report_id = ? AND seq <= ?').run(reportId, lastSeq)
    })
  }
}
