/**
 * The separator of items drawn on one wrapping line: a middle dot that stays with the item before
 * it — a no-break space before the dot, an ordinary one after — so a wrapped line may end with `·`
 * but never starts with one (`… Kafka ·` / `Airflow`, not `… Kafka` / `· Airflow`). For text that
 * is drawn; exported text (tailor's models) keeps plain spaces.
 */
export const INLINE_SEPARATOR = '\u00a0· ';

/** Items joined by INLINE_SEPARATOR. */
export const inlineList = (items: readonly string[]): string => items.join(INLINE_SEPARATOR);
