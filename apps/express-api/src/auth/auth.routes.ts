import { Router, type RequestHandler } from 'express';
import { callerOf } from '../http/authenticate';
import { clientAddress } from '../http/client-address';
import { methodNotAllowed } from '../http/not-found';
import { readBody } from '../http/read-body';
import { parse } from '../http/validate';
import { toUser } from '../users/user.view';
import { loginBody, registerBody, verifyEmailBody } from './auth.schemas';
import type { AuthService } from './auth.service';
import { limitByAddress, type RequestLimits } from './request-limits';

export function authRoutes(
  auth: AuthService,
  authenticated: RequestHandler,
  limits: RequestLimits,
): Router {
  const router = Router({ caseSensitive: true });

  router
    .route('/auth/register')
    .post(limitByAddress(limits.register), readBody, async (req, res) => {
      const user = await auth.register(parse(registerBody, req.body));
      res.status(201).location(`/api/users/${user.id}`).json(toUser(user));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/auth/verify-email')
    .post(limitByAddress(limits.verifyEmail), readBody, async (req, res) => {
      const { token } = parse(verifyEmailBody, req.body);
      res.json(toUser(await auth.verifyEmail(token)));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/auth/login')
    .post(limitByAddress(limits.login), readBody, async (req, res) => {
      const credentials = parse(loginBody, req.body);
      res.json(await auth.login(credentials, clientAddress(req)));
    })
    .all(methodNotAllowed('POST'));

  router
    .route('/profile')
    .get(authenticated, (req, res) => {
      res.json(toUser(callerOf(req)));
    })
    .all(methodNotAllowed('GET'));

  return router;
}
