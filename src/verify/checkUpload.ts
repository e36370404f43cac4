import path from 'node:path';
import type { Problem } from '../core/problems.js';
import type { YamlSource } from '../load/parseYaml.js';
import { formatBytes, type Upload } from '../validate/schema/upload.js';

/** A file over the form's limit (the role's upload.maxBytes): an error, so the build fails and writes nothing. */
export function checkUploadSize(file: string, bytes: number, upload: Upload | undefined, roleSource: YamlSource | undefined): Problem[] {
  const limit = upload?.maxBytes;
  if (limit === undefined || bytes <= limit) return [];
  return [
    {
      severity: 'error',
      code: 'upload-too-large',
      at: roleSource?.locate(['upload', 'maxBytes']),
      path: 'upload.maxBytes',
      message: `${path.basename(file)} is ${formatBytes(bytes)} (${bytes.toLocaleString('en-US')} bytes), over the form's limit of ${formatBytes(limit)} (${limit.toLocaleString('en-US')} bytes)`,
      hint: 'use fewer or smaller images in the portfolio pages, or fewer pages; raise upload.maxBytes only if the form takes larger files',
    },
  ];
}
