/**
 * A step of a generated sequence: plain data, the same for both apps. Whatever differs between
 * the apps (the ids they made, the tokens they sent and signed) is named here by the actor it
 * belongs to, and each app's driver puts in its own (drive.ts).
 */

/** The people a sequence plays with: three, so that one can act on another's record. */
export const ACTORS = [0, 1, 2] as const;
export type Actor = (typeof ACTORS)[number];

export const PASSWORD = 'correct horse battery staple';
export const emailOf = (actor: Actor) => `actor${actor}@differential.test`;
export const nameOf = (actor: Actor) => `Actor ${actor}`;

/** Who sends the request: nobody, a token no app issued, or an actor's last access token. */
export type Caller = 'anonymous' | 'forged-token' | Actor;

/**
 * A piece of a path: literal text, or an actor's id as that app knows it (an unknown but
 * well-formed id where the actor has none), upper-cased when `upper`.
 */
export type PathPart = string | { idOf: Actor; upper?: boolean };

export type Body =
  | { kind: 'json'; value: unknown }
  /** Bytes that are not JSON, or not quite: sent as they are. */
  | { kind: 'text'; text: string }
  /** `{ token }` with the token of the last email sent to the actor, in each app. */
  | { kind: 'verification-token'; actor: Actor };

/** How the body's bytes are sent: compressed, and with what Content-Encoding said. */
export interface BodyEncoding {
  compress: 'gzip' | 'deflate' | 'br' | 'none';
  header: string | undefined;
}

export interface RequestStep {
  kind: 'request';
  method: string;
  path: PathPart[];
  /** Without the `?`; empty for none. */
  query: string;
  caller: Caller;
  body: Body | undefined;
  /** Content-Type of the body; `undefined` sends none. */
  contentType: string | undefined;
  encoding: BodyEncoding;
  /** Extra headers, sent as they are, after the others. */
  headers: [string, string][];
  /** A 201 with an id records it as this actor's id. */
  creates?: Actor;
  /** A 200 with an access token records it as this actor's token. */
  signsIn?: Actor;
}

export type Step =
  | RequestStep
  /** The contract's way to make an admin (no route does): the target's hook, in each app. */
  | { kind: 'promote'; actor: Actor }
  /** Both apps' clocks move on together: token lifetimes, throttling windows. */
  | { kind: 'advance-clock'; seconds: number };

export const NO_ENCODING: BodyEncoding = { compress: 'none', header: undefined };

/** A JSON request as a well-behaved client sends it; generators then make it worse. */
export function jsonRequest(
  method: string,
  path: PathPart[],
  caller: Caller,
  body?: Body,
  extra: Partial<RequestStep> = {},
): RequestStep {
  return {
    kind: 'request',
    method,
    path,
    query: '',
    caller,
    body,
    contentType: body ? 'application/json' : undefined,
    encoding: NO_ENCODING,
    headers: [],
    ...extra,
  };
}
