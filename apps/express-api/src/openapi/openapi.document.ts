import { z } from 'zod';
import {
  loginBody,
  registerBody,
  tokenResponseSchema,
  verifyEmailBody,
} from '../auth/auth.schemas';
import {
  createUserBody,
  pageSchema,
  updateUserBody,
  userSchema,
  userSummarySchema,
} from '../users/user.schemas';
import {
  body,
  created,
  idParameter,
  ok,
  output,
  paging,
  passwordProblems,
  problemSchema,
  problems,
  query,
  ref,
  signedIn,
} from './openapi.parts';

const healthSchema = z.object({ status: z.literal('ok') });
const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  paths: z.record(z.string(), z.unknown()),
});

const paths = {
  '/api/auth/register': {
    post: {
      summary: 'Register',
      requestBody: body(registerBody),
      responses: { '201': created, ...passwordProblems(400, 409, 413, 429, 503) },
    },
  },
  '/api/auth/verify-email': {
    post: {
      summary: 'Verify an email address',
      requestBody: body(verifyEmailBody),
      responses: { '200': ok('Verified', ref('User')), ...problems(400, 413, 429, 503) },
    },
  },
  '/api/auth/login': {
    post: {
      summary: 'Sign in',
      requestBody: body(loginBody),
      responses: {
        '200': ok('Signed in', output(tokenResponseSchema)),
        ...problems(400, 401, 403, 413, 429, 503),
      },
    },
  },
  '/api/profile': {
    get: {
      summary: "The caller's user",
      security: signedIn,
      responses: { '200': ok('The caller', ref('User')), ...problems(401, 503) },
    },
  },
  '/api/users': {
    get: {
      summary: 'List users',
      security: signedIn,
      parameters: paging,
      responses: {
        '200': ok('A page of users', output(pageSchema(userSummarySchema))),
        ...problems(400, 401, 503),
      },
    },
    post: {
      summary: 'Create a user (admin)',
      security: signedIn,
      requestBody: body(createUserBody),
      responses: { '201': created, ...passwordProblems(400, 401, 403, 409, 413, 429, 503) },
    },
  },
  '/api/users/{id}': {
    parameters: [idParameter],
    get: {
      summary: 'A user: whole for self or admin, summary for others',
      security: signedIn,
      responses: {
        '200': ok('The user', { anyOf: [ref('User'), output(userSummarySchema)] }),
        ...problems(400, 401, 404, 503),
      },
    },
    patch: {
      summary: 'Change a user (self or admin; role: admin only)',
      security: signedIn,
      requestBody: body(updateUserBody),
      responses: {
        '200': ok('Changed', ref('User')),
        ...problems(400, 401, 403, 404, 409, 413, 429, 503),
      },
    },
    delete: {
      summary: 'Delete a user (self or admin)',
      security: signedIn,
      responses: { '204': ok('Deleted'), ...problems(400, 401, 403, 404, 503) },
    },
  },
  '/api/admin/users': {
    get: {
      summary: 'List users with filters (admin)',
      security: signedIn,
      parameters: [
        ...paging,
        query('role', { type: 'string', enum: ['user', 'admin'] }),
        query('emailVerified', { type: 'string', enum: ['true', 'false'] }),
      ],
      responses: {
        '200': ok('A page of users', output(pageSchema(userSchema))),
        ...problems(400, 401, 403, 503),
      },
    },
  },
  '/health': {
    get: {
      summary: 'Health',
      responses: {
        '200': ok('The database answers', output(healthSchema)),
        ...problems(503),
      },
    },
  },
  '/openapi.json': {
    get: {
      summary: 'This document',
      responses: { '200': ok('OpenAPI 3.1', output(openApiDocumentSchema)), ...problems() },
    },
  },
};

/** The OpenAPI 3.1 description of every route, built from the same zod schemas the routes use. */
export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'express-api',
    version: '1.0.0',
    description: 'The sample user/auth API (Express 5 + TypeORM).',
  },
  paths,
  components: {
    schemas: { User: output(userSchema), Problem: problemSchema },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
  },
} as const;
