import { Router, type RequestHandler } from 'express';
import { callerOf } from '../http/authenticate';
import { methodNotAllowed } from '../http/not-found';
import { readBody } from '../http/read-body';
import { parse, parseId } from '../http/validate';
import { ensureAdmin, ensureCanManage, isAdmin } from './user.policy';
import { adminUsersQuery, createUserBody, pageQuery, updateUserBody } from './user.schemas';
import type { UserService } from './user.service';
import { toUser, toUserSummary } from './user.view';

// A non-admin gets 403 before the body is even read, as from the Fastify twin's onRequest hook.
const adminOnly: RequestHandler = (req, _res, next) => {
  ensureAdmin(callerOf(req));
  next();
};

export function userRoutes(users: UserService, authenticated: RequestHandler): Router {
  const router = Router({ caseSensitive: true });

  router
    .route('/users')
    .get(authenticated, async (req, res) => {
      const query = parse(pageQuery, req.query);
      const page = await users.list(query);
      res.json({
        items: page.items.map(toUserSummary),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      });
    })
    .post(authenticated, adminOnly, readBody, async (req, res) => {
      const user = await users.create(callerOf(req), parse(createUserBody, req.body));
      res.status(201).location(`/api/users/${user.id}`).json(toUser(user));
    })
    .all(methodNotAllowed('GET', 'POST'));

  router
    .route('/users/:id')
    .get(authenticated, async (req, res) => {
      const caller = callerOf(req);
      const user = await users.get(parseId(req.params.id));
      res.json(caller.id === user.id || isAdmin(caller) ? toUser(user) : toUserSummary(user));
    })
    .patch(authenticated, readBody, async (req, res) => {
      const id = parseId(req.params.id);
      // Another user's record is a 403 before the body is even read.
      ensureCanManage(callerOf(req), id);
      const user = await users.update(callerOf(req), id, parse(updateUserBody, req.body));
      res.json(toUser(user));
    })
    .delete(authenticated, readBody, async (req, res) => {
      await users.delete(callerOf(req), parseId(req.params.id));
      res.status(204).end();
    })
    .all(methodNotAllowed('GET', 'PATCH', 'DELETE'));

  router
    .route('/admin/users')
    .get(authenticated, async (req, res) => {
      ensureAdmin(callerOf(req));
      const query = parse(adminUsersQuery, req.query);
      const page = await users.list(query);
      res.json({
        items: page.items.map(toUser),
        total: page.total,
        limit: query.limit,
        offset: query.offset,
      });
    })
    .all(methodNotAllowed('GET'));

  return router;
}
