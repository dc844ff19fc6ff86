import { Router } from 'express';
import type { Database } from '../db/database';
import { ServiceUnavailableError } from '../http/errors';
import { methodNotAllowed } from '../http/not-found';

export function healthRoutes(db: Database): Router {
  const router = Router({ caseSensitive: true });
  router
    .route('/health')
    .get(async (_req, res) => {
      await db.ping().catch(() => {
        throw new ServiceUnavailableError('The database does not answer.');
      });
      res.json({ status: 'ok' });
    })
    .all(methodNotAllowed('GET'));
  return router;
}
