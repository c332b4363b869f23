const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, character => entities[character]!)
}

/** A CSS string literal (`"…"`) that cannot end the string, the rule or the style element early. */
export function cssString(text: string): string {
  let out = '"'
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (
      character === '"' ||
      character === '\\' ||
      character === '<' ||
      character === '>' ||
      code < 0x20 ||
      code === 0x7f
    ) {
      out += `\\${code.toString(16)} `
    } else out += character
  }
  return out + '"'
}

/** A font family name as a quoted CSS string. */
export function cssFamily(name: string): string {
  return cssString(name)
}
