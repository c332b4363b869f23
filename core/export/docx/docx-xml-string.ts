import type { IContext, IXmlableObject, XmlComponent } from 'docx'

/**
 * The XML the docx library writes for one component, without indentation: its own stringifier's rules
 * (`resolve`/`format` in docx's `src/util/xml/stringify.ts`, which keep the xml package's quirks), so a string
 * made here is byte for byte what `Packer` writes for the same component inside a document.
 */
export function componentXml(component: XmlComponent): string {
  // Paragraphs and runs without numbering or hyperlinks read nothing from the context.
  const prepared = component.prepForXml({ stack: [] } as unknown as IContext)
  return prepared === undefined ? '' : elementXml(prepared)
}

const escapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' }

/** docx's escaping of text and attribute values: the five XML characters, and control characters dropped. */
export function escapeXml(value: string): string {
  return value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, char => escapes[char] ?? '')
}

const valueText = (value: unknown): string => (typeof value === 'string' ? escapeXml(value) : String(value))

function elementXml(data: IXmlableObject): string {
  const record = data as Record<string, unknown>
  const name = Object.keys(record)[0]
  const values = name === undefined ? undefined : record[name]
  const attributes: string[] = []
  const content: string[] = []
  const addAttributes = (attr: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(attr)) attributes.push(`${key}="${valueText(value)}"`)
  }
  if (typeof values === 'object') {
    if (values !== null) {
      const { _attr: attr, _cdata: cdata } = values as { _attr?: Record<string, unknown>; _cdata?: string }
      if (attr) addAttributes(attr)
      if (cdata) content.push(`<![CDATA[${cdata.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`)
      if (Array.isArray(values)) {
        let isStringContent = false
        content.push('')
        for (const value of values as unknown[]) {
          if (typeof value === 'object' && value !== null) {
            const keys = Object.keys(value)
            if (keys[0] === '_attr') addAttributes((value as { _attr: Record<string, unknown> })._attr)
            else content.push(elementXml(value as IXmlableObject))
          } else {
            // The xml package's quirk, kept: a text child replaces the element before it.
            content.pop()
            isStringContent = true
            content.push(value === undefined ? '' : valueText(value))
          }
        }
        if (!isStringContent) content.push('')
      }
    }
  } else content.push(values === undefined ? '' : valueText(values))
  const open =
    (name ? `<${name}` : '') +
    (attributes.length > 0 ? ` ${attributes.join(' ')}` : '') +
    (content.length > 0 ? (name ? '>' : '') : '/>')
  if (content.length === 0) return open
  return open + content.join('') + (name ? `</${name}>` : '')
}
