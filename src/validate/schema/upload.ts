import * as z from 'zod';

/** `10MB`, `500 KB`, `2.5MB` or a number of bytes. Decimal units (1 MB = 1,000,000 bytes): a file within them is within a form's binary megabytes too. */
const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB)$/i;
const UNIT_BYTES: Record<string, number> = { B: 1, KB: 1e3, MB: 1e6, GB: 1e9 };

/** The words a file-name template may use, each filled from the role's documents. */
export const FILE_NAME_FIELDS = ['name', 'company', 'position', 'kind', 'role'] as const;
const FIELD_PATTERN = /\{([^{}]*)\}/g;

const SIZE_EXPECTED = 'expected a size above 0 such as 10MB, 500KB or a number of bytes';

/** Bytes, or `10MB`: above 0 either way (a limit of 0 bytes — `0`, `0MB`, `0.0001KB` — fails every build). */
export const byteSize = z.union(
  [
    z.int().positive({ error: SIZE_EXPECTED }),
    z
      .string()
      .regex(SIZE_PATTERN, { message: SIZE_EXPECTED })
      .transform((size) => {
        const [, amount, unit] = SIZE_PATTERN.exec(size.trim())!;
        return Math.floor(Number(amount) * UNIT_BYTES[unit!.toUpperCase()]!);
      })
      .pipe(z.int().positive({ error: `${SIZE_EXPECTED}: that is less than 1 byte` })),
  ],
  { error: SIZE_EXPECTED },
);

export const uploadSchema = z
  .strictObject({
    maxBytes: byteSize.optional().describe('the largest file the form takes: 10MB, 500KB or bytes (decimal: 1 MB = 1,000,000 bytes)'),
    fileName: z
      .string()
      .min(1)
      .optional()
      .describe(
        `the file names the company asks for, without extension: {name}_{position}_{kind}; fields: ${FILE_NAME_FIELDS.map((f) => `{${f}}`).join(', ')}`,
      ),
  })
  .superRefine((upload, ctx) => {
    if (upload.fileName === undefined) return;
    for (const [, field] of upload.fileName.matchAll(FIELD_PATTERN)) {
      if (!(FILE_NAME_FIELDS as readonly string[]).includes(field!))
        ctx.addIssue({
          code: 'custom',
          path: ['fileName'],
          message: `unknown field {${field}} in the file name; the fields are ${FILE_NAME_FIELDS.map((f) => `{${f}}`).join(', ')}`,
        });
    }
    // Without the kind, the resume, the portfolio and the answers would get one name.
    if (!upload.fileName.includes('{kind}'))
      ctx.addIssue({ code: 'custom', path: ['fileName'], message: 'the file name needs {kind}: each document of the role gets its own name' });
  });

export type Upload = z.infer<typeof uploadSchema>;

/** Fills a template's `{field}`s; a field with no value is left out with the separator before it. */
export function fillFileName(template: string, values: Partial<Record<(typeof FILE_NAME_FIELDS)[number], string | undefined>>): string {
  return template.replace(/([-_.\s·]?)\{([^{}]*)\}/g, (_, separator: string, field: string) => {
    const value = values[field as (typeof FILE_NAME_FIELDS)[number]];
    return value ? `${separator}${value}` : '';
  });
}

/** `10,000,000 bytes` → `10 MB`, as the form would say it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e6) return `${Number((bytes / 1e6).toFixed(bytes % 1e6 === 0 ? 0 : 1))} MB`;
  if (bytes >= 1e3) return `${Number((bytes / 1e3).toFixed(bytes % 1e3 === 0 ? 0 : 1))} KB`;
  return `${bytes} bytes`;
}
