import type request from 'supertest';
import { PASSWORD, tokenFromLastEmail } from '../given';
import type { ContractApp } from '../use-contract-app';
import {
  CREATE_USER_RULES,
  LOGIN_RULES,
  UPDATE_USER_RULES,
  USER_RULES,
  VERIFY_RULES,
  type FieldRule,
} from './field-rules';

/** A route that reads a JSON body, ready to receive generated ones. */
export interface BodyRoute {
  /** The fields the route reads, each with the contract's rule for it. */
  rules: Record<string, FieldRule>;
  /** A body the route accepts; a new one each call where a value must be unique. */
  valid: () => Record<string, unknown>;
  send: () => request.Test;
  /** The statuses the contract lists for this route (docs/api-contract.md). */
  statuses: readonly number[];
  /** Tables a refused request may still write: a failed login is recorded for throttling. */
  mayWrite: readonly string[];
}

type RouteSetup = (c: ContractApp) => Promise<BodyRoute>;

/** Every route with a body, each with the callers it needs, made once per test. */
export const BODY_ROUTES = {
  'POST /api/auth/register': (c) =>
    Promise.resolve({
      rules: USER_RULES,
      valid: () => c.given.attributes(),
      send: () => c.api.post('/api/auth/register'),
      statuses: [201, 400, 409, 413],
      mayWrite: [],
    }),
  'POST /api/auth/verify-email': async (c) => {
    const user = await c.given.unverifiedUser();
    const token = tokenFromLastEmail(c.mailer, user.email);
    return {
      rules: VERIFY_RULES,
      valid: () => ({ token }),
      send: () => c.api.post('/api/auth/verify-email'),
      statuses: [200, 400, 413],
      mayWrite: [],
    };
  },
  'POST /api/auth/login': async (c) => {
    const user = await c.given.user();
    return {
      rules: LOGIN_RULES,
      valid: () => ({ email: user.email, password: PASSWORD }),
      send: () => c.api.post('/api/auth/login'),
      statuses: [200, 400, 401, 413, 429],
      mayWrite: ['login_attempts'],
    };
  },
  'POST /api/users (admin)': async (c) => {
    const admin = await c.given.admin();
    return {
      rules: CREATE_USER_RULES,
      valid: () => ({ ...c.given.attributes(), role: 'user', emailVerified: false }),
      send: () => c.api.as(admin).post('/api/users'),
      statuses: [201, 400, 409, 413],
      mayWrite: [],
    };
  },
  'PATCH /api/users/{id} (self)': async (c) => {
    const user = await c.given.user();
    return {
      rules: UPDATE_USER_RULES,
      valid: () => ({ name: 'Renamed Self' }),
      send: () => c.api.as(user).patch(`/api/users/${user.id}`),
      // 403: a non-admin sending `role`.
      statuses: [200, 400, 403, 409, 413],
      mayWrite: [],
    };
  },
  'PATCH /api/users/{id} (admin)': async (c) => {
    const admin = await c.given.admin();
    const user = await c.given.user();
    return {
      rules: UPDATE_USER_RULES,
      valid: () => ({ name: 'Renamed By Admin', role: 'user' }),
      send: () => c.api.as(admin).patch(`/api/users/${user.id}`),
      statuses: [200, 400, 409, 413],
      mayWrite: [],
    };
  },
} satisfies Record<string, RouteSetup>;
