import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import type { FieldError } from './errors';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export function problem(status: number, detail: string, errors?: FieldError[]): Problem {
  // RFC 9457 §4.2: with type "about:blank" the title is the status code's own phrase.
  const title = STATUS_CODES[status] ?? 'Error';
  return { type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) };
}

export function sendProblem(
  res: Response,
  body: Problem,
  headers: Record<string, string> = {},
): void {
  res.status(body.status).set(headers).type('application/problem+json').send(JSON.stringify(body));
}
