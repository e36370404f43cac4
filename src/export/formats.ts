/** The text formats a tailored resume is exported to, besides its PDF (kept apart so that the role schema reads it without the exporters). */
export const EXPORT_FORMATS = ['jsonresume', 'markdown', 'text'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The extension of each format's file. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { jsonresume: 'json', markdown: 'md', text: 'txt' };
