// Renders the icon set electron-builder needs from the SVG sources in packaging/icons/ into build/ (its
// buildResources folder, not committed): PNGs for Linux (build/icons/NxN.png, hicolor sizes), icon.png, the
// Windows ICO of the app and of .wrs files, and the macOS ICNS. resvg draws the SVG; png2icons writes ICO/ICNS.
// Usage: node packaging/make-icons.mjs [outDir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const here = path.dirname(fileURLToPath(import.meta.url))
const out = path.resolve(process.argv[2] ?? path.join(here, '..', 'build'))
const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512]

function render(svgFile, size) {
  const svg = readFileSync(path.join(here, 'icons', svgFile))
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

function write(file, bytes) {
  if (!bytes) throw new Error(`could not make ${file}`)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, bytes)
  return file
}

const written = []
for (const size of linuxSizes)
  written.push(write(path.join(out, 'icons', `${size}x${size}.png`), render('app-icon.svg', size)))
const large = render('app-icon.svg', 1024)
written.push(write(path.join(out, 'icon.png'), render('app-icon.svg', 512)))
written.push(write(path.join(out, 'icon.ico'), png2icons.createICO(large, png2icons.BICUBIC2, 0, false, true)))
written.push(write(path.join(out, 'icon.icns'), png2icons.createICNS(large, png2icons.BICUBIC2, 0)))
written.push(
  write(
    path.join(out, 'wrs-file.ico'),
    png2icons.createICO(render('file-icon.svg', 1024), png2icons.BICUBIC2, 0, false, true),
  ),
)
written.push(write(path.join(out, 'wrs-file.png'), render('file-icon.svg', 256)))
console.log(`icons: ${written.length} files in ${path.relative(process.cwd(), out) || '.'}`)
