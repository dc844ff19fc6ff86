import { isDeepStrictEqual } from 'node:util';
import type { Observed } from './normalise';

export interface Difference {
  /** `status`, a header's name, or `body`. */
  what: string;
  left: unknown;
  right: unknown;
}

/**
 * A body as compared: all of it, labelled, but a problem's field errors in a stable order,
 * since the contract lists the invalid fields without saying in which order.
 */
function comparable(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || !('errors' in body)) return body;
  const errors: unknown = body.errors;
  if (!Array.isArray(errors)) return body;
  const sorted = errors
    .map((error: unknown) => JSON.stringify(error))
    .sort()
    .map((text) => JSON.parse(text) as unknown);
  return { ...body, errors: sorted };
}

/** Where two labelled responses to the same request differ: status, any compared header, the body. */
export function compareObserved(left: Observed, right: Observed): Difference[] {
  const differences: Difference[] = [];
  if (left.status !== right.status)
    differences.push({ what: 'status', left: left.status, right: right.status });
  const names = new Set([...Object.keys(left.headers), ...Object.keys(right.headers)]);
  for (const name of [...names].sort())
    if (left.headers[name] !== right.headers[name])
      differences.push({ what: name, left: left.headers[name], right: right.headers[name] });
  if (!isDeepStrictEqual(comparable(left.body), comparable(right.body)))
    differences.push({ what: 'body', left: left.body, right: right.body });
  return differences;
}
