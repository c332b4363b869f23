import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { performance } from 'node:perf_hooks'

/** One whole process: wall time from spawn to exit, and the CPU time (user + system) of it and its children. */
export interface ProcessTiming {
  wallMs: number
  cpuMs: number
}

/**
 * Runs `command args…` to its end through `sh -c '…; times'`: the shell's `times` prints the CPU time of the
 * processes it waited for (Chromium's and LibreOffice's helpers included), so CPU time is counted alike for ours
 * and the peer. Another exit status than the expected one is an error (a failing command measures nothing).
 */
export function timeProcess(command: string, args: readonly string[], cwd?: string, expectedStatus = 0): ProcessTiming {
  const start = performance.now()
  const result = spawnSync('/bin/sh', ['-c', '"$@" >/dev/null 2>&3; s=$?; times; exit $s', 'sh', command, ...args], {
    cwd,
    encoding: 'utf8',
    // fd 3 carries the command's stderr, for the error message of a failed run.
    stdio: ['ignore', 'pipe', 'ignore', 'pipe'],
  })
  const wallMs = performance.now() - start
  if (result.status !== expectedStatus)
    throw new Error(
      `${command} ${args.join(' ')} exited with ${result.status ?? result.signal}: ${String(result.output[3] ?? '').trim()}`,
    )
  const children = result.stdout.trim().split('\n').at(-1)!.trim().split(/\s+/)
  const seconds = (text: string): number => {
    const match = /^(\d+)m([\d.]+)s$/.exec(text)
    return match ? Number(match[1]) * 60 + Number(match[2]) : NaN
  }
  return { wallMs, cpuMs: (seconds(children[0]!) + seconds(children[1]!)) * 1000 }
}

/** Failed runs (each retried once, then given up): printed with the results, never hidden. */
export const failures: string[] = []

/** One run, retried once after a failure that is recorded in `failures`. */
export function retried(run: () => ProcessTiming): () => ProcessTiming {
  return () => {
    try {
      return run()
    } catch (error) {
      failures.push(error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error))
      return run()
    }
  }
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map(value => value.toFixed(1))
    .join(' ')

/** Runs ours and the peer alternately (which goes first alternates too), after one unmeasured run of each. */
export function alternate(
  runs: number,
  ours: () => ProcessTiming,
  peer?: () => ProcessTiming,
): { ours: ProcessTiming[]; peer: ProcessTiming[] } {
  ours = retried(ours)
  peer = peer && retried(peer)
  ours()
  peer?.()
  const timings = { ours: [] as ProcessTiming[], peer: [] as ProcessTiming[] }
  for (let run = 0; run < runs; run++) {
    if (run % 2 === 0 || !peer) {
      timings.ours.push(ours())
      if (peer) timings.peer.push(peer())
    } else {
      timings.peer.push(peer())
      timings.ours.push(ours())
    }
  }
  return timings
}
