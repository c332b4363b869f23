/// <reference types="vite/client" />
import type { Api } from '../core/ipc/api'

declare global {
  interface Window {
    api: Api
  }
}

export {}
