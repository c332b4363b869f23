import type { RecentFile } from '../../core/ipc/files-api'
import type { SettingsStore } from './settings-store'

const MAX_RECENT = 10

export interface RecentFiles {
  list(): Promise<RecentFile[]>
  add(path: string, title: string): Promise<RecentFile[]>
  remove(path: string): Promise<RecentFile[]>
}

/** Most recently opened or saved reports, newest first, kept in the settings file. */
export function createRecentFiles(settings: SettingsStore, onChange?: (files: RecentFile[]) => void): RecentFiles {
  const changed = (files: RecentFile[]): RecentFile[] => {
    onChange?.(files)
    return files
  }
  return {
    async list() {
      return (await settings.load()).recentFiles
    },
    async add(path, title) {
      const updated = await settings.update(current => ({
        ...current,
        recentFiles: [
          { path, title, openedAt: new Date().toISOString() },
          ...current.recentFiles.filter(file => file.path !== path),
        ].slice(0, MAX_RECENT),
      }))
      return changed(updated.recentFiles)
    },
    async remove(path) {
      const updated = await settings.update(current => ({
        ...current,
        recentFiles: current.recentFiles.filter(file => file.path !== path),
      }))
      return changed(updated.recentFiles)
    },
  }
}
