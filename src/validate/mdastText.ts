import type { Nodes } from 'mdast';

/** The text a reader sees in a markdown node (for titles and bookmarks): no markup, images by alt. */
export function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'image' || node.type === 'imageReference') return node.alt ?? '';
  if (node.type === 'break') return ' ';
  if ('children' in node) return node.children.map((child) => plainText(child)).join('');
  return '';
}
