import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import type { Agent } from 'node:http';
import type { RunningApp } from '../target';
import { exchange, type Exchange, type WireRequest } from './http-exchange';
import { emailOf, type Actor, type Body, type RequestStep, type Step } from './steps';

// A well-formed id no app made: where an actor has no id in an app yet.
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** One app under comparison, and what this run of a sequence learnt about it. */
export interface DrivenApp {
  name: string;
  app: RunningApp;
  agent: Agent;
  ids: Map<Actor, string>;
  tokens: Map<Actor, string>;
}

function tokenFromMail(driven: DrivenApp, actor: Actor): string {
  const text = driven.app.mailer.lastTo(emailOf(actor))?.text ?? '';
  return /[?&]token=([\w-]+)/.exec(text)?.[1] ?? 'no-email-was-sent';
}

function bodyText(driven: DrivenApp, body: Body): string {
  if (body.kind === 'text') return body.text;
  if (body.kind === 'json') return JSON.stringify(body.value);
  return JSON.stringify({ token: tokenFromMail(driven, body.actor) });
}

function bodyBytes(driven: DrivenApp, step: RequestStep): Buffer | undefined {
  if (!step.body) return undefined;
  const raw = Buffer.from(bodyText(driven, step.body));
  const compress = { gzip: gzipSync, deflate: deflateSync, br: brotliCompressSync };
  return step.encoding.compress === 'none' ? raw : compress[step.encoding.compress](raw);
}

function authorization(driven: DrivenApp, step: RequestStep): [string, string][] {
  if (step.caller === 'anonymous') return [];
  if (step.caller === 'forged-token') return [['Authorization', 'Bearer e30.e30.forged']];
  const token = driven.tokens.get(step.caller);
  return token ? [['Authorization', `Bearer ${token}`]] : [];
}

/** The step as this app's bytes: its ids in the path, its token, its verification token. */
export function wireRequest(driven: DrivenApp, step: RequestStep): WireRequest {
  const path = step.path
    .map((part) => {
      if (typeof part === 'string') return part;
      const id = driven.ids.get(part.idOf) ?? UNKNOWN_ID;
      return part.upper ? id.toUpperCase() : id;
    })
    .join('');
  const headers: [string, string][] = [...authorization(driven, step)];
  if (step.contentType !== undefined) headers.push(['Content-Type', step.contentType]);
  if (step.encoding.header !== undefined) headers.push(['Content-Encoding', step.encoding.header]);
  headers.push(...step.headers);
  return {
    method: step.method,
    target: step.query === '' ? path : `${path}?${step.query}`,
    headers,
    body: bodyBytes(driven, step),
  };
}

function jsonOf(outcome: Exchange): Record<string, unknown> | undefined {
  if (outcome.kind !== 'response') return undefined;
  try {
    const value: unknown = JSON.parse(outcome.body.toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps what later steps need: the id an actor got, the token they signed in with. */
function learn(driven: DrivenApp, step: RequestStep, outcome: Exchange) {
  const body = jsonOf(outcome);
  const status = outcome.kind === 'response' ? outcome.status : 0;
  if (step.creates !== undefined && status === 201 && typeof body?.id === 'string')
    driven.ids.set(step.creates, body.id);
  if (step.signsIn !== undefined && status === 200 && typeof body?.access_token === 'string')
    driven.tokens.set(step.signsIn, body.access_token);
}

/** Runs one step on one app; a request step gives what the app answered. */
export async function drive(driven: DrivenApp, step: Step): Promise<Exchange | undefined> {
  if (step.kind === 'advance-clock') {
    driven.app.clock.advance({ seconds: step.seconds });
    return undefined;
  }
  if (step.kind === 'promote') {
    const id = driven.ids.get(step.actor);
    if (id !== undefined) await driven.app.promoteToAdmin(id);
    return undefined;
  }
  // Each user a second apart, as `given` makes them: lists are ordered by createdAt, then by id,
  // and ids are each app's own random ones, so a tie would order the two apps' lists apart.
  if (step.creates !== undefined) driven.app.clock.advance({ seconds: 1 });
  const outcome = await exchange(driven.app.server, driven.agent, wireRequest(driven, step));
  learn(driven, step, outcome);
  return outcome;
}
