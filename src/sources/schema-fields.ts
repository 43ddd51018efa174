/** The field names a front-matter object may have at a path of a schema (for "did you mean"). */
import { z } from 'zod';

type Path = readonly (string | number)[];

export function fieldNamesAt(schema: z.ZodType, path: Path): string[] {
  let node: z.ZodType | undefined = schema;
  for (const segment of path) {
    node = unwrap(node);
    if (node instanceof z.ZodArray) {
      node = unwrap(node.element as z.ZodType);
      if (typeof segment === 'number') continue;
    }
    node = node instanceof z.ZodObject ? (node.shape as Record<string, z.ZodType>)[String(segment)] : undefined;
    if (!node) return [];
  }
  node = unwrap(node);
  if (node instanceof z.ZodArray) node = unwrap(node.element as z.ZodType);
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current;
}
