type Json = unknown;

// Words for people, not for clients: two documents may word them differently.
const ANNOTATIONS = new Set([
  'description',
  'title',
  'summary',
  'example',
  'examples',
  '$schema',
  '$id',
  '$comment',
  'tags',
  'operationId',
]);
const SAFE_INTEGER_BOUNDS = new Set([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]);

function resolvePointer(document: Json, ref: string): Json {
  let node = document;
  for (const token of ref.slice(2).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    node = (node as Record<string, Json> | undefined)?.[key];
  }
  return node;
}

/**
 * A schema (or any part of a document) with what does not change its meaning taken out:
 * `$ref`s inlined, annotations dropped, keys sorted, `const` written as a one-value `enum`,
 * the regex a generator adds beside a `format`, and integer bounds that only restate
 * JavaScript's safe range.
 */
export function normalize(node: Json, document: Json, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => normalize(item, document, seen));
  if (typeof node !== 'object' || node === null) return node;
  const object = node as Record<string, Json>;
  const ref = object.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/') && !seen.includes(ref))
    return normalize(resolvePointer(document, ref), document, [...seen, ref]);
  const result: Record<string, Json> = {};
  for (const key of Object.keys(object).sort()) {
    const value = object[key];
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'pattern' && 'format' in object) continue;
    if ((key === 'minimum' || key === 'maximum') && SAFE_INTEGER_BOUNDS.has(value as number))
      continue;
    if (key === 'const') result.enum = [value];
    else if (key === 'required' && Array.isArray(value))
      result.required = [...(value as string[])].sort();
    else result[key] = normalize(value, document, seen);
  }
  return result;
}
