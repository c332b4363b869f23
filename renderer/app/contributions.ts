// Each renderer/<folder>/register.ts registers its dialogs and start page actions (see extension-points.ts).
import.meta.glob('../*/register.ts', { eager: true })
