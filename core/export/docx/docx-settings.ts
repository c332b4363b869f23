/**
 * word/settings.xml, written by us because the docx library cannot write w:mirrorMargins.
 * Element order follows CT_Settings (mirrorMargins, defaultTabStop, evenAndOddHeaders, compat, themeFontLang).
 */
export function settingsXml(options: { mirrorMargins: boolean }): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<w:zoom w:percent="100"/>' +
    (options.mirrorMargins ? '<w:mirrorMargins/>' : '') +
    '<w:defaultTabStop w:val="420"/>' +
    '<w:evenAndOddHeaders/>' +
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>' +
    '</w:settings>'
  )
}
