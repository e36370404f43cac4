import { Text as PdfText } from '@react-pdf/renderer';
import type { ComponentProps, ReactNode } from 'react';

/**
 * React-PDF lays text out in runs, and starts a new run where the script changes inside a word
 * (`서빙(PostgreSQL`, `100ms에서`). Between two runs with no space its line breaker may break the
 * word and insert a hyphen, which the hyphenation callback never sees. A penalty of 10000 (its
 * "infinity") makes those places no break at all: Korean stays keep-all, no hyphen is drawn.
 */
const NO_BREAK_BETWEEN_RUNS = { hyphenationPenalty: 10_000 };

/** React-PDF's Text, never breaking a word where the script changes. Every document uses this one. */
export function Text({ children, ...props }: ComponentProps<typeof PdfText> & { children?: ReactNode }) {
  // `hyphenationPenalty` is read by React-PDF's layout but missing from its types.
  return (
    <PdfText {...(NO_BREAK_BETWEEN_RUNS as object)} {...props}>
      {collapseSpaces(children)}
    </PdfText>
  );
}

/**
 * Runs of spaces in the data print as one (React-PDF would print every one, and may break a line
 * at the second); NBSP is left as it is: it is how a line is kept from breaking.
 */
function collapseSpaces(children: ReactNode): ReactNode {
  if (typeof children === 'string') return children.replace(/ {2,}/g, ' ');
  if (Array.isArray(children)) return children.map((child: ReactNode) => (typeof child === 'string' ? child.replace(/ {2,}/g, ' ') : child));
  return children;
}
