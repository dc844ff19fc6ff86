import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../http/problem';
import { AdminUserQuerySchema, pageOf, UserSchema } from './user.schemas';
import { toUser } from './user.view';

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify's plugin signature
export const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', app.authenticate);
  app.addHook('onRequest', app.requireAdmin);

  app.get(
    '',
    {
      schema: {
        tags: ['admin'],
        security: [{ bearerAuth: [] }],
        summary: 'Every user, whole records, filtered by role and verification (admin)',
        querystring: AdminUserQuerySchema,
        response: { 200: pageOf(UserSchema), ...problemResponses(400, 401, 403, 503) },
      },
    },
    async (request) => {
      const page = await app.userService.list(request.query);
      return { ...page, items: page.items.map(toUser) };
    },
  );
};
