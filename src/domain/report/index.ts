/**
 * The annual report draft: the model built from the figures and the township's texts, and its plain
 * text. Pure: the .docx is rendered on the server (cloudfunctions/lib/report), the preview in the console.
 */
export * from './types';
export { buildReport, reportPlainText, reportTitle, SECTION_HEADINGS } from './build';
export { areaWord, parseTownshipText, splitParagraphs } from './text';
