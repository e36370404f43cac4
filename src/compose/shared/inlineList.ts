/**
 * The separator of items drawn on one wrapping line: a middle dot that stays with the item before
 * it — no-break spaces before the dot, ordinary ones after — so a wrapped line may end with `·`
 * but never starts with one (`… Kafka ·` / `Airflow`, not `… Kafka` / `· Airflow`). For text
 * that is drawn; exported text (tailor's models) keeps plain spaces.
 */
export const inlineSeparator = (spaces = 1): string => `${'\u00a0'.repeat(spaces)}·${' '.repeat(spaces)}`;

/** Items joined by inlineSeparator. */
export const inlineList = (items: readonly string[], spaces = 1): string => items.join(inlineSeparator(spaces));
