import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { npcReportFixture } from '../fixtures/docx-npc-report'

const confPath = path.resolve('packaging/fontconfig/65-wrs-official-fonts.conf')
const conf = readFileSync(confPath, 'utf8')
const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-fontconfig-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** fc-match with the system configuration plus the shipped aliases, as on a desktop where the .deb installed them. */
function match(family: string): string {
  const file = path.join(directory, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>${confPath}</include></fontconfig>`,
  )
  return execFileSync('fc-match', ['--format=%{family[0]}', `${family}:lang=zh-cn`], {
    encoding: 'utf8',
    env: { ...process.env, FONTCONFIG_FILE: file },
  })
}

describe('fontconfig aliases shipped for Linux desktops without the official fonts (issue 12)', () => {
  it('cover every font name and alternative name the DOCX asks for', async () => {
    const fonts = strFromU8(unzipSync(await buildDocx(npcReportFixture(), { draftLabel: null }))['word/fontTable.xml']!)
    const names = [...fonts.matchAll(/w:(?:name|altName) w:val="([^"]+)"|w:font w:name="([^"]+)"/g)]
      .map(found => found[1] ?? found[2]!)
      .filter(name => name !== 'Times New Roman')
    expect(names).toEqual(expect.arrayContaining(['仿宋_GB2312', '楷体_GB2312', '黑体', '方正小标宋简体', '宋体']))
    for (const name of new Set(names)) expect(conf, name).toContain(`<family>${name}</family>`)
  })

  it('resolve the official names to the free serif, kai and hei faces rather than a sans fallback', () => {
    expect(match('仿宋_GB2312')).toMatch(/FandolFang|Noto Serif CJK/)
    expect(match('楷体_GB2312')).toMatch(/FandolKai|AR PL UKai|Noto Serif CJK/)
    expect(match('方正小标宋简体')).toMatch(/FandolSong|Noto Serif CJK/)
    expect(match('宋体')).toMatch(/FandolSong|Noto Serif CJK/)
    expect(match('黑体')).toMatch(/FandolHei|Noto Sans CJK/)
  })
})
