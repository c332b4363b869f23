import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { apiArgs } from '../../../core/ipc/api'
import { invokeMethods } from '../../../core/ipc/invoke-methods'

describe('invokeMethods (the zod-free list the preload exposes)', () => {
  it('names exactly the methods that have argument schemas, each once', () => {
    expect([...invokeMethods].sort()).toEqual(Object.keys(apiArgs).sort())
    expect(new Set(invokeMethods).size).toBe(invokeMethods.length)
  })

  it('is imported by the preload and the list module pulls in no runtime module', () => {
    const read = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8')
    expect(read('main/preload.ts')).toMatch(/from '\.\.\/core\/ipc\/invoke-methods'/)
    expect(read('main/preload.ts')).not.toMatch(/^import \{[^}]*\} from '\.\.\/core\/ipc\/api'/m)
    const imports = read('core/ipc/invoke-methods.ts').match(/^import .*$/gm) ?? []
    expect(imports.every(line => line.startsWith('import type '))).toBe(true)
  })
})
