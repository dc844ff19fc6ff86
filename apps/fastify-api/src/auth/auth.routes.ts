import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clientAddress } from '../http/client-address';
import { createdResponse } from '../http/created-response';
import { passwordProblemResponses, problemResponses } from '../http/problem';
import { UserSchema } from '../users/user.schemas';
import { toUser } from '../users/user.view';
import {
  AccessTokenSchema,
  LoginBodySchema,
  RegisterBodySchema,
  VerifyEmailBodySchema,
} from './auth.schemas';
import { callerOf } from './auth.plugin';
import { limitByAddress } from './request-limits';

const bearerAuth = [{ bearerAuth: [] }];

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify's plugin signature
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/register',
    {
      preValidation: limitByAddress(app.requestLimits.register),
      schema: {
        tags: ['auth'],
        summary: 'Register; a verification email is sent',
        body: RegisterBodySchema,
        response: {
          201: createdResponse(UserSchema),
          ...passwordProblemResponses(400, 409, 413, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const user = await app.authService.register(request.body);
      return reply.status(201).header('location', `/api/users/${user.id}`).send(toUser(user));
    },
  );

  app.post(
    '/auth/verify-email',
    {
      preValidation: limitByAddress(app.requestLimits.verifyEmail),
      schema: {
        tags: ['auth'],
        summary: 'Verify an email address with the token from the email',
        body: VerifyEmailBodySchema,
        response: { 200: UserSchema, ...problemResponses(400, 413, 429, 503) },
      },
    },
    async (request) => toUser(await app.authService.verifyEmail(request.body.token)),
  );

  app.post(
    '/auth/login',
    {
      preValidation: limitByAddress(app.requestLimits.login),
      schema: {
        tags: ['auth'],
        summary: 'Exchange email and password for an access token',
        body: LoginBodySchema,
        response: { 200: AccessTokenSchema, ...problemResponses(400, 401, 403, 413, 429, 503) },
      },
    },
    async (request) => {
      const { token, expiresIn } = await app.authService.login(
        request.body,
        clientAddress(request),
      );
      return { access_token: token, token_type: 'bearer' as const, expires_in: expiresIn };
    },
  );

  app.get(
    '/profile',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['auth'],
        summary: "The caller's own user",
        security: bearerAuth,
        response: { 200: UserSchema, ...problemResponses(401, 503) },
      },
    },
    (request) => toUser(callerOf(request)),
  );
};
