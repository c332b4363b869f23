import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The renderer alone (same settings as electron.vite.config.ts's renderer section), for the renderer
// e2e tests and the editor benchmark: `npx vite build --config vite.renderer.config.ts` → out/renderer.
const root = import.meta.dirname

export default defineConfig({
  root: resolve(root, 'renderer'),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: resolve(root, 'out/renderer'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
  },
})
