import { Router } from 'express';
import { methodNotAllowed } from '../http/not-found';
import { openApiDocument } from './openapi.document';

export function openApiRoutes(): Router {
  const router = Router({ caseSensitive: true });
  router
    .route('/openapi.json')
    .get((_req, res) => {
      res.json(openApiDocument);
    })
    .all(methodNotAllowed('GET'));
  return router;
}
