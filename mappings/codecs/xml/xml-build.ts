import { XmlElement } from './xml-tree';

export type XmlContent = XmlElement | string | undefined | null | false;

/**
 * Builds an element for generation: `el('ceb:OrderHead', {}, leaf('ceb:guid', id))`.
 * Undefined, null and false children are skipped, so optional fields read naturally.
 */
export function el(
  name: string,
  attrs: Record<string, string | undefined> = {},
  ...content: XmlContent[]
): XmlElement {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(attrs)) if (value !== undefined) kept[key] = value;
  const element = new XmlElement(name, kept);
  for (const item of content) {
    if (item === undefined || item === null || item === false) continue;
    if (typeof item === 'string') element.children.push(item);
    else {
      item.parent = element;
      element.children.push(item);
    }
  }
  return element;
}

/** A leaf element with text, or undefined when the value is absent (optional field). */
export function leaf(
  name: string,
  value: string | undefined | null,
  attrs: Record<string, string | undefined> = {},
): XmlElement | undefined {
  return value === undefined || value === null ? undefined : el(name, attrs, value);
}
