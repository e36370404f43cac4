import { MONO_FAMILIES, textStack, type FontFamilyName } from '../core/fonts.js';
import { undrawable } from '../core/glyphCoverage.js';
import type { Theme } from '../validate/schema/theme.js';

/**
 * Per pair of body and heading families, each object's drawable copy (itself when nothing is left
 * out), kept across builds: models share structure and are never changed once made (parsed files
 * are shared between builds, see core/memoByText.ts), so a watch rebuild walks only the objects its
 * edit made new, not a project page whose file did not change.
 */
const drawableCopies = new Map<string, WeakMap<object, unknown>>();

/**
 * The model as it can be drawn: every character no font of its stack has (an emoji — check
 * warns about each one at its source; anything else stops the build before this) is left out,
 * so React-PDF never falls back to a non-embedded font and prints garbage. Structure is shared:
 * a model with nothing to leave out comes back as the same object.
 */
export function drawableText<T>(model: T, theme: Theme): T {
  const textStacks = [textStack(theme.fonts.body), textStack(theme.fonts.heading)];
  const stacksKey = `${theme.fonts.body},${theme.fonts.heading}`;
  let copies = drawableCopies.get(stacksKey);
  if (!copies) drawableCopies.set(stacksKey, (copies = new WeakMap()));
  const clean = (value: string, stacks: readonly (readonly FontFamilyName[])[]): string => {
    const missing = undrawable(value, stacks);
    if (missing.length === 0) return value;
    let out = '';
    let last = 0;
    for (const m of missing) {
      out += value.slice(last, m.offset);
      last = m.offset + m.cluster.length;
    }
    return out + value.slice(last);
  };
  const walk = (value: unknown, mono: boolean): unknown => {
    if (typeof value === 'string') return clean(value, mono ? [MONO_FAMILIES] : textStacks);
    if (value === null || typeof value !== 'object') return value;
    if (copies.has(value)) return copies.get(value);
    let copy: unknown = value;
    if (Array.isArray(value)) {
      const items = value.map((item) => walk(item, false));
      if (items.some((item, i) => item !== value[i])) copy = items;
    } else if (value instanceof Map) {
      const entries = [...value].map(([k, v]) => [k, walk(v, false)] as const);
      if (entries.some(([k, v]) => v !== value.get(k))) copy = new Map(entries);
    } else if (Object.getPrototypeOf(value) === Object.prototype) {
      // Code in a portfolio page is drawn in the code font's stack.
      const code = (value as { type?: unknown }).type === 'code' || (value as { type?: unknown }).type === 'inlineCode';
      const entries = Object.entries(value).map(([k, v]) => [k, walk(v, code && k === 'value')] as const);
      if (entries.some(([k, v]) => v !== (value as Record<string, unknown>)[k])) copy = Object.fromEntries(entries);
    }
    copies.set(value, copy);
    return copy;
  };
  return walk(model, false) as T;
}
