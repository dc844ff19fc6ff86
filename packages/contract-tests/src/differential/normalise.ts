import type { Exchange } from './http-exchange';

/**
 * Every response header is compared but these, which say when or on which connection a
 * response was sent, not what it says: `date` (the wall clock, not the fake one) and
 * `keep-alive`'s value (the idle timeout of that server, present or not is still compared).
 */
const UNCOMPARED_HEADERS = new Set(['date']);
const PRESENCE_ONLY_HEADERS = new Set(['keep-alive']);

/** A response with what must differ between two correct apps replaced by stable labels. */
export interface Observed {
  /** The status, or the error that ended the exchange before a response (`ECONNRESET`). */
  status: number | string;
  /** Lower-case names (Node's), values joined with `, ` when a header came more than once. */
  headers: Record<string, string>;
  /** Parsed JSON where the response says JSON, else the text; absent for no body. */
  body: unknown;
}

// What each app makes on its own: ids, times (the same fake clock, but compared by order all
// the same), access tokens (signed over the app's own ids). Each label keeps the value's
// format, so two apps that write the same value two ways still differ.
const PATTERNS = [
  ['id', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['time', /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z\b/g],
  ['token', /\beyJ[\w-]*\.[\w-]+\.[\w-]+/g],
] as const;

/** `…:00Z` and `…:00.000Z` are one instant but two formats: the label says which. */
function formatOf(kind: string, found: string): string {
  if (kind !== 'time') return '';
  const fraction = /\.(\d+)Z$/.exec(found)?.[1];
  return fraction === undefined ? ' ss' : ` ss.${'s'.repeat(fraction.length)}`;
}

/**
 * Labels values by the order in which one app first showed them, across a whole sequence:
 * the first id either app returns is `<id 1>` in both, so a later response naming it names
 * `<id 1>` too, and an app that mixes two users up shows another label.
 */
export class Labeller {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  text(value: string): string {
    return PATTERNS.reduce(
      (text, [kind, pattern]) => text.replace(pattern, (found) => this.label(kind, found)),
      value,
    );
  }

  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.value(item));
    if (typeof value === 'object' && value !== null)
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.value(item)]),
      );
    return value;
  }

  // Keyed by the exact text: an id echoed in upper case is another label than the id as made.
  private label(kind: string, found: string): string {
    const key = `${kind}:${found}`;
    let label = this.seen.get(key);
    if (label === undefined) {
      const count = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, count);
      label = `<${kind} ${count}${formatOf(kind, found)}>`;
      this.seen.set(key, label);
    }
    return label;
  }
}

function parsedBody(contentType: string | undefined, body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  if (!/\bjson\b/i.test(contentType ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** What is compared of one exchange, labelled. */
export function observe(outcome: Exchange, labeller: Labeller): Observed {
  if (outcome.kind === 'error') return { status: outcome.code, headers: {}, body: undefined };
  const headers: Observed['headers'] = {};
  for (const [name, value] of Object.entries(outcome.headers)) {
    if (value === undefined || UNCOMPARED_HEADERS.has(name)) continue;
    headers[name] = PRESENCE_ONLY_HEADERS.has(name)
      ? '(present)'
      : labeller.text([value].flat().join(', '));
  }
  return {
    status: outcome.status,
    headers,
    body: labeller.value(parsedBody(headers['content-type'], outcome.body)),
  };
}
