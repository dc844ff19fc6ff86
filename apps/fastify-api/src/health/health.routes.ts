import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { describeError } from '../http/describe-error';
import { ServiceUnavailableError } from '../http/errors';
import { problemResponses } from '../http/problem';

// eslint-disable-next-line @typescript-eslint/require-await -- Fastify's plugin signature
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        summary: 'Whether the app and its database answer',
        response: { 200: z.object({ status: z.literal('ok') }), ...problemResponses(503) },
      },
    },
    async (request) => {
      try {
        await app.db.execute(sql`select 1`);
      } catch (error) {
        request.log.error({ err: describeError(error) }, 'health check: database not answering');
        throw new ServiceUnavailableError('The database does not answer.');
      }
      return { status: 'ok' as const };
    },
  );
};
