/** The text of the runs (`<w:t>`) in a piece of WordprocessingML, the five XML entities decoded. */
export function wordRunText(xml: string): string {
  let text = ''
  for (const match of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) text += match[1]
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}
