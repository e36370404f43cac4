/**
 * Props that put a node into the PDF outline. React-PDF honours `bookmark` on any node but
 * types it only on Page; spreading this keeps that workaround in one place.
 */
export const bookmark = (title: string, parent?: string): object => ({ bookmark: { title, fit: true, expanded: true, ...(parent ? { parent } : {}) } });
