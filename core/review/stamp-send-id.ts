import { strFromU8, strToU8 } from 'fflate'
import { SEND_ID_PROPERTY } from './feedback/read-feedback-copy'

const CUSTOM_PART = 'docProps/custom.xml'
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml'
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties'

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/**
 * Gives the files of a DOCX the custom document property `wrs-send-id` (docProps/custom.xml), so a copy that comes
 * back can be matched to the send it answers. Word, WPS and LibreOffice keep custom properties when they save.
 */
export function stampSendId(files: Record<string, Uint8Array>, sendId: string): void {
  files[CUSTOM_PART] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${SEND_ID_PROPERTY}"><vt:lpwstr>${escapeXml(sendId)}</vt:lpwstr></property>` +
      '</Properties>',
  )
  const types = strFromU8(files['[Content_Types].xml']!)
  if (!types.includes(`/${CUSTOM_PART}`))
    files['[Content_Types].xml'] = strToU8(
      types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`),
    )
  const rels = strFromU8(files['_rels/.rels']!)
  if (!rels.includes(CUSTOM_REL))
    files['_rels/.rels'] = strToU8(
      rels.replace(
        '</Relationships>',
        `<Relationship Id="rIdWrsCustom" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`,
      ),
    )
}
