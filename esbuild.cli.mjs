// Builds the `wrs` CLI (`npm run build:cli`): a small launcher `out/cli/wrs.cjs` and one bundle per command,
// `out/cli/commands/<name>-command.cjs`, which the launcher loads only when that command runs. Each bundle holds what
// its command uses and nothing else, so `wrs check` never compiles the PDF printer, mammoth or the docx library.
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const commandsDir = 'main/cli/commands'
// `node esbuild.cli.mjs [--outdir DIR]` (tests build into a temporary folder).
const outdirFlag = process.argv.indexOf('--outdir')
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'out/cli'
const commands = readdirSync(commandsDir).filter(name => name.endsWith('-command.ts'))

/**
 * `import('./commands/x-command')` in the launcher's table stays a load of the sibling bundle at run time, through
 * main/cli/load-command-bundle.ts (V8's code cache on a Node without its own compile cache).
 */
const lazyCommands = {
  name: 'lazy-commands',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/commands\/[\w-]+-command$/ }, args =>
      args.importer.endsWith('cli-commands.ts')
        ? { path: path.basename(args.path), namespace: 'lazy-command', pluginData: args.resolveDir }
        : undefined,
    )
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-command' }, args => ({
      contents: `module.exports = require('./load-command-bundle').loadCommandBundle(${JSON.stringify(args.path)})\n`,
      resolveDir: path.resolve('main/cli'),
      loader: 'js',
    }))
  },
}

/** zod's 40-odd message translations (≈ 360 KB) are never used: its English default is imported on its own. */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: 'export { default as en } from "./en.js"\n',
      loader: 'js',
    }))
  },
}

const options = {
  outdir,
  outbase: 'main/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: true,
  // import() of a command becomes require(): Node would otherwise scan the CJS bundle for its exports (≈ 40 ms).
  supported: { 'dynamic-import': false },
  legalComments: 'none',
  // A native module, loaded from node_modules at run time (wrs serve's SQLite storage).
  external: ['better-sqlite3'],
  plugins: [lazyCommands, zodEnglishOnly],
  logLevel: 'warning',
}
rmSync(outdir, { recursive: true, force: true })
await build({ ...options, entryPoints: commands.map(name => `${commandsDir}/${name}`) })
// The launcher knows each bundle's hash: it names the bundle's V8 code cache, so a rebuilt bundle gets a new one.
const hashes = Object.fromEntries(
  commands.map(name => {
    const bundle = readFileSync(path.join(outdir, 'commands', name.replace(/\.ts$/, '.cjs')))
    return [name.replace(/\.ts$/, ''), createHash('sha256').update(bundle).digest('hex').slice(0, 16)]
  }),
)
await build({ ...options, entryPoints: ['main/cli/wrs.ts'], define: { WRS_BUNDLE_HASHES: JSON.stringify(hashes) } })

// `wrs --help` lists every command without loading them all: their usage and summary, in the table's order.
const require = createRequire(import.meta.url)
const help = []
for (const name of tableOrder()) {
  const module = require(path.resolve(outdir, 'commands', `${name}-command.cjs`))
  const command = Object.values(module).find(value => value && typeof value.run === 'function' && value.usage)
  if (!command) throw new Error(`main/cli/commands/${name}-command.ts exports no CliCommand`)
  help.push({ name: command.name, usage: command.usage, summary: command.summary })
}
writeFileSync(path.join(outdir, 'commands', 'help.json'), JSON.stringify(help, null, 1) + '\n')

/** Command names in the order of main/cli/cli-commands.ts. */
function tableOrder() {
  const table = readFileSync('main/cli/cli-commands.ts', 'utf8')
  return [...table.matchAll(/import\('\.\/commands\/([\w-]+)-command'\)/g)].map(match => match[1])
}
