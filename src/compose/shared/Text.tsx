import { Text as PdfText } from '@react-pdf/renderer';
import type { ComponentProps } from 'react';

/**
 * React-PDF lays text out in runs, and starts a new run where the script changes inside a word
 * (`서빙(PostgreSQL`, `100ms에서`). Between two runs with no space its line breaker may break the
 * word and insert a hyphen, which the hyphenation callback never sees. A penalty of 10000 (its
 * "infinity") makes those places no break at all: Korean stays keep-all, no hyphen is drawn.
 */
const NO_BREAK_BETWEEN_RUNS = { hyphenationPenalty: 10_000 };

/** React-PDF's Text, never breaking a word where the script changes. Every document uses this one. */
export function Text(props: ComponentProps<typeof PdfText>) {
  // `hyphenationPenalty` is read by React-PDF's layout but missing from its types.
  return <PdfText {...(NO_BREAK_BETWEEN_RUNS as object)} {...props} />;
}
