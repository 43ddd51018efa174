/**
 * Word's footnotes and endnotes as Markdown footnotes. Mammoth marks each reference
 * `<sup><a href="#docx-footnote-7">` and lists the notes at the end, each `<li id="docx-footnote-7">`
 * ending in a link back; here the references become `[^1]`, `[^2]`... numbered in the order the
 * text first refers to them (footnotes and endnotes in one series), and the list their
 * definitions, in that order, without the links back.
 */
import type { Element, Root } from 'hast';
import { defaultHandlers, type Handle } from 'hast-util-to-mdast';
import type { FootnoteDefinition, FootnoteReference } from 'mdast';
import { visit } from 'unist-util-visit';
import { NOTE_ID_PREFIX } from './docx-to-html.ts';

const REFERENCE = new RegExp(`^#${NOTE_ID_PREFIX}((?:foot|end)note-[\\w-]+)$`);
const BACK_LINK = new RegExp(`^#${NOTE_ID_PREFIX}(?:foot|end)note-ref-`);
const NOTE = new RegExp(`^${NOTE_ID_PREFIX}((?:foot|end)note-[\\w-]+)$`);

/** Numbers the notes by their first reference and removes the links back; returns the handlers that convert them. */
export function noteHandlers(tree: Root): Record<string, Handle> {
  const numbers = new Map<string, number>();
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'a' || typeof node.properties.href !== 'string') return undefined;
    const reference = REFERENCE.exec(node.properties.href)?.[1];
    if (reference && !numbers.has(reference)) numbers.set(reference, numbers.size + 1);
    if (BACK_LINK.test(node.properties.href) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  const number = (note: string) => {
    if (!numbers.has(note)) numbers.set(note, numbers.size + 1);
    return String(numbers.get(note));
  };
  return {
    sup(state, node) {
      const only = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
      const single = only.length === 1 ? only[0] : undefined;
      const link = single?.type === 'element' && single.tagName === 'a' ? single : undefined;
      const note = typeof link?.properties.href === 'string' ? REFERENCE.exec(link.properties.href)?.[1] : undefined;
      if (!note) return state.all(node);
      const id = number(note);
      const reference: FootnoteReference = { type: 'footnoteReference', identifier: id, label: id };
      state.patch(node, reference);
      return reference;
    },
    ol(state, node) {
      const items = node.children.filter((c): c is Element => c.type === 'element');
      const notes = items.map((li) => (li.tagName === 'li' && typeof li.properties.id === 'string' ? NOTE.exec(li.properties.id)?.[1] : undefined));
      if (items.length === 0 || notes.some((n) => n === undefined)) return defaultHandlers.ol!(state, node);
      const definitions = items.map((li, i): FootnoteDefinition => {
        const id = number(notes[i]!);
        return { type: 'footnoteDefinition', identifier: id, label: id, children: state.toFlow(state.all(li)) as FootnoteDefinition['children'] };
      });
      return definitions.sort((a, b) => Number(a.identifier) - Number(b.identifier));
    },
  };
}
