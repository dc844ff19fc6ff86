import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { callerOf } from '../auth/auth.plugin';
import { isAdmin } from '../auth/caller';
import { createdResponse } from '../http/created-response';
import { passwordProblemResponses, problemResponses } from '../http/problem';
import {
  CreateUserBodySchema,
  pageOf,
  PagingQuerySchema,
  UpdateUserBodySchema,
  UserIdParamsSchema,
  UserSchema,
  UserSummarySchema,
} from './user.schemas';
import { toUser, toUserSummary } from './user.view';

const security = [{ bearerAuth: [] }];
const tags = ['users'];

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify's plugin signature
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '',
    {
      schema: {
        tags,
        security,
        summary: 'Every user, as summaries',
        querystring: PagingQuerySchema,
        response: { 200: pageOf(UserSummarySchema), ...problemResponses(400, 401, 503) },
      },
    },
    async (request) => {
      const page = await app.userService.list(request.query);
      return { ...page, items: page.items.map(toUserSummary) };
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        security,
        summary: 'One user: the whole record for oneself or an admin, a summary for others',
        params: UserIdParamsSchema,
        response: {
          200: z.union([UserSchema, UserSummarySchema]),
          ...problemResponses(400, 401, 404, 503),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const user = await app.userService.get(request.params.id);
      // The whole record for its owner and admins, the summary for everyone else.
      return caller.id === user.id || isAdmin(caller) ? toUser(user) : toUserSummary(user);
    },
  );

  app.post(
    '',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags,
        security,
        summary: 'Create a user (admin)',
        body: CreateUserBodySchema,
        response: {
          201: createdResponse(UserSchema),
          ...passwordProblemResponses(400, 401, 403, 409, 413, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const user = await app.userService.create(callerOf(request), request.body);
      return reply.status(201).header('location', `/api/users/${user.id}`).send(toUser(user));
    },
  );

  app.patch(
    '/:id',
    {
      preValidation: app.requireSelfOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Change a user (oneself, or anyone for an admin; only admins change roles)',
        params: UserIdParamsSchema,
        body: UpdateUserBodySchema,
        response: {
          200: UserSchema,
          ...problemResponses(400, 401, 403, 404, 409, 413, 429, 503),
        },
      },
    },
    async (request) =>
      toUser(await app.userService.update(callerOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/:id',
    {
      preValidation: app.requireSelfOrAdmin,
      schema: {
        tags,
        security,
        summary: 'Delete a user and their verification records (oneself, or anyone for an admin)',
        params: UserIdParamsSchema,
        response: {
          204: z.null().describe('Deleted'),
          ...problemResponses(400, 401, 403, 404, 503),
        },
      },
    },
    async (request, reply) => {
      await app.userService.remove(callerOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
