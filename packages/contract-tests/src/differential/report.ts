import type { Difference } from './compare';
import type { Observed } from './normalise';
import type { PathPart, Step } from './steps';

const MAX_SHOWN = 160;
const COLUMN = 56;

const clip = (text: string, max = MAX_SHOWN) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;

const pathText = (part: PathPart) =>
  typeof part === 'string'
    ? part
    : `{id of actor ${part.idOf}${part.upper ? ', upper-cased' : ''}}`;

/** One line a reader can turn back into the request: method, path, caller, headers, body. */
export function describeStep(step: Step): string {
  if (step.kind === 'promote') return `actor ${step.actor} made an admin (target hook)`;
  if (step.kind === 'advance-clock') return `both clocks advanced ${step.seconds} s`;
  const target = step.path.map(pathText).join('') + (step.query ? `?${step.query}` : '');
  const parts = [`${step.method} ${target}`];
  parts.push(typeof step.caller === 'number' ? `as actor ${step.caller}` : step.caller);
  if (step.contentType !== undefined) parts.push(`Content-Type: ${step.contentType}`);
  if (step.encoding.header !== undefined || step.encoding.compress !== 'none')
    parts.push(`Content-Encoding: ${step.encoding.header ?? '(none)'} (${step.encoding.compress})`);
  for (const [name, value] of step.headers) parts.push(`${name}: ${clip(value, 40)}`);
  if (step.body?.kind === 'json') parts.push(`body ${clip(JSON.stringify(step.body.value))}`);
  if (step.body?.kind === 'text') parts.push(`raw body ${clip(JSON.stringify(step.body.text))}`);
  if (step.body?.kind === 'verification-token')
    parts.push(`body {token from actor ${step.body.actor}'s last email}`);
  return parts.join(' · ');
}

const lines = (value: unknown): string[] =>
  value === undefined ? ['(none)'] : clip(JSON.stringify(value, null, 2), 2_000).split('\n');

function sideBySide(left: unknown, right: unknown): string[] {
  const [a, b] = [lines(left), lines(right)];
  return Array.from({ length: Math.max(a.length, b.length) }, (_, index) => {
    const cell = a[index] ?? '';
    return `    ${cell.padEnd(COLUMN)} │ ${b[index] ?? ''}`.trimEnd();
  });
}

export interface Divergence {
  steps: Step[];
  /** The index of the step the apps answered differently. */
  at: number;
  names: [string, string];
  observed: [Observed, Observed];
  differences: Difference[];
}

/** The sequence with the step that diverged marked, then both answers side by side. */
export function formatDivergence({ steps, at, names, observed, differences }: Divergence): string {
  const sequence = steps
    .slice(0, at + 1)
    .map((step, index) => `${index === at ? '→' : ' '} ${index + 1}. ${describeStep(step)}`);
  const header = `    ${names[0].padEnd(COLUMN)} │ ${names[1]}`;
  const rows = [
    ['status', observed[0].status, observed[1].status] as const,
    ...Object.keys({ ...observed[0].headers, ...observed[1].headers })
      .sort()
      .map((name) => [name, observed[0].headers[name], observed[1].headers[name]] as const),
  ];
  return [
    `The apps answered step ${at + 1} differently (${differences.map((d) => d.what).join(', ')}).`,
    '',
    'Sequence (ids, times and tokens labelled by first appearance):',
    ...sequence,
    '',
    header,
    ...rows.map(([name, left, right]) => `  ${name}:\n${sideBySide(left, right).join('\n')}`),
    '  body:',
    ...sideBySide(observed[0].body, observed[1].body),
  ].join('\n');
}
