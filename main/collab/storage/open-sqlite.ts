/** The SQLite calls the collaboration store makes, the same on both drivers. */
export type SqliteValue = string | number | bigint | null | Uint8Array
export type SqliteRow = Record<string, SqliteValue>

export interface SqliteStatement {
  run(...params: SqliteValue[]): void
  get(...params: SqliteValue[]): SqliteRow | undefined
  all(...params: SqliteValue[]): SqliteRow[]
}

export interface SqliteDatabase {
  readonly driver: 'node:sqlite' | 'better-sqlite3'
  exec(sql: string): void
  prepare(sql: string): SqliteStatement
  close(): void
}

interface NativeStatement {
  run(...params: unknown[]): unknown
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
}
interface NativeDatabase {
  exec(sql: string): unknown
  prepare(sql: string): NativeStatement
  close(): unknown
}

// better-sqlite3 binds Buffers, not other Uint8Arrays; node:sqlite takes both.
const bindable = (params: SqliteValue[]) =>
  params.map(value =>
    value instanceof Uint8Array && !Buffer.isBuffer(value)
      ? Buffer.from(value.buffer, value.byteOffset, value.byteLength)
      : value,
  )

function wrap(native: NativeDatabase, driver: SqliteDatabase['driver']): SqliteDatabase {
  return {
    driver,
    exec: sql => void native.exec(sql),
    prepare(sql) {
      const statement = native.prepare(sql)
      return {
        run: (...params) => void statement.run(...bindable(params)),
        get: (...params) => statement.get(...bindable(params)) as SqliteRow | undefined,
        all: (...params) => statement.all(...bindable(params)) as SqliteRow[],
      }
    },
    close: () => void native.close(),
  }
}

/**
 * Opens (creating) a SQLite database file. Node's own `node:sqlite` where the runtime has it (Node ≥ 22.13, Electron
 * 45): nothing to build or download. Elsewhere (Node 20, this project's development machines) `better-sqlite3`,
 * compiled from source at `npm install` (a development dependency). `WRS_SQLITE=better-sqlite3` forces the latter.
 */
export async function openSqlite(file: string): Promise<SqliteDatabase> {
  if (process.env.WRS_SQLITE !== 'better-sqlite3') {
    const builtin = process.getBuiltinModule?.('node:sqlite') as
      { DatabaseSync: new (path: string) => NativeDatabase } | undefined
    if (builtin?.DatabaseSync) return wrap(new builtin.DatabaseSync(file), 'node:sqlite')
  }
  let BetterSqlite: new (path: string) => NativeDatabase
  try {
    BetterSqlite = (await import('better-sqlite3')).default as unknown as typeof BetterSqlite
  } catch {
    throw new Error(
      `这台机器上的 Node.js ${process.version} 没有内置 SQLite（node:sqlite 需要 Node.js 22.13 或更新版本），也没有安装 better-sqlite3。请改用 Node.js 22.13 或更新版本运行，或在本程序目录中运行 npm install better-sqlite3。`,
    )
  }
  return wrap(new BetterSqlite(file), 'better-sqlite3')
}
