// Auth suite (4 of 4 kinds), authorization: one table of route × caller → status, expanded
// into a generated test per cell so none is forgotten; then role changes that apply at once.
// See docs/fastify-api.md.
import type { GivenUser } from '../../helpers/given';
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

type CallerKind = 'anonymous' | 'user' | 'other user' | 'admin';

interface Scene {
  /** The user whose record the route touches; "user" is this user signed in. */
  target: GivenUser;
  callers: Record<Exclude<CallerKind, 'anonymous'>, GivenUser>;
}

interface Row {
  route: string;
  send: (scene: Scene) => {
    method: 'get' | 'post' | 'patch' | 'delete';
    url: string;
    body?: object;
  };
  expected: Record<CallerKind, number>;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

const table: Row[] = [
  {
    route: 'GET /api/profile',
    send: () => ({ method: 'get', url: '/api/profile' }),
    expected: { anonymous: 401, user: 200, 'other user': 200, admin: 200 },
  },
  {
    route: 'GET /api/users',
    send: () => ({ method: 'get', url: '/api/users' }),
    expected: { anonymous: 401, user: 200, 'other user': 200, admin: 200 },
  },
  {
    route: 'GET /api/users/{id}',
    send: (s) => ({ method: 'get', url: `/api/users/${s.target.id}` }),
    expected: { anonymous: 401, user: 200, 'other user': 200, admin: 200 },
  },
  {
    route: 'POST /api/users',
    send: () => ({ method: 'post', url: '/api/users', body: t.given.attributes() }),
    expected: { anonymous: 401, user: 403, 'other user': 403, admin: 201 },
  },
  {
    route: 'PATCH /api/users/{id} name',
    send: (s) => ({ method: 'patch', url: `/api/users/${s.target.id}`, body: { name: 'Renamed' } }),
    expected: { anonymous: 401, user: 200, 'other user': 403, admin: 200 },
  },
  {
    route: 'PATCH /api/users/{id} role',
    send: (s) => ({ method: 'patch', url: `/api/users/${s.target.id}`, body: { role: 'admin' } }),
    expected: { anonymous: 401, user: 403, 'other user': 403, admin: 200 },
  },
  {
    route: 'PATCH /api/users/{unknown id}',
    send: () => ({ method: 'patch', url: `/api/users/${UNKNOWN_ID}`, body: { name: 'Nobody' } }),
    expected: { anonymous: 401, user: 403, 'other user': 403, admin: 404 },
  },
  {
    route: 'DELETE /api/users/{id}',
    send: (s) => ({ method: 'delete', url: `/api/users/${s.target.id}` }),
    expected: { anonymous: 401, user: 204, 'other user': 403, admin: 204 },
  },
  {
    route: 'DELETE /api/users/{unknown id}',
    send: () => ({ method: 'delete', url: `/api/users/${UNKNOWN_ID}` }),
    expected: { anonymous: 401, user: 403, 'other user': 403, admin: 404 },
  },
  {
    route: 'GET /api/admin/users',
    send: () => ({ method: 'get', url: '/api/admin/users' }),
    expected: { anonymous: 401, user: 403, 'other user': 403, admin: 200 },
  },
];

const cells = table.flatMap((row) =>
  (Object.entries(row.expected) as [CallerKind, number][]).map(([caller, status]) => ({
    ...row,
    caller,
    status,
  })),
);

/** What a refusal must leave as it was: the rows, the mailbox and the event log. */
async function effects() {
  return {
    users: await t.query<Record<string, unknown>>('SELECT * FROM users ORDER BY id'),
    verifications: await t.query<Record<string, unknown>>(
      'SELECT * FROM email_verifications ORDER BY id',
    ),
    mail: [...t.mailer.sent],
    events: t.logs.entries.filter((entry) => 'event' in entry),
  };
}

async function scene(): Promise<Scene> {
  const target = await t.given.user();
  return {
    target,
    callers: { user: target, 'other user': await t.given.user(), admin: await t.given.admin() },
  };
}

describe('who may call what', () => {
  it.each(cells)('$route by $caller → $status', async ({ send, caller, status }) => {
    const current = await scene();
    const { method, url, body } = send(current);
    const client = caller === 'anonymous' ? t.api : t.api.as(current.callers[caller]);
    const before = await effects();

    const res = await client[method](url).send(body);

    expect(res.status).toBe(status);
    // A refusal wrote, mailed and logged nothing; an allowed call is checked by its own suite.
    const after = await effects();
    expect(after).toEqual(status >= 400 ? before : after);
  });

  it('gives another user only the summary of a record', async () => {
    const { target, callers } = await scene();

    const res = await t.api.as(callers['other user']).get(`/api/users/${target.id}`);

    expect(Object.keys(res.body as object).sort()).toEqual(['id', 'name']);
  });

  it('forbids an admin to change their own role', async () => {
    const admin = await t.given.admin();

    const res = await t.api.as(admin).patch(`/api/users/${admin.id}`).send({ role: 'user' });

    expect(res).toBeProblem(403);
    expect(await t.repos.users.findById(admin.id)).toMatchObject({ role: 'admin' });
  });
});

describe('role changes', () => {
  it('take effect at once for a promoted user, with the token they already hold', async () => {
    const [admin, user] = [await t.given.admin(), await t.given.user()];
    await t.api.as(user).get('/api/admin/users').expect(403);

    await t.api.as(admin).patch(`/api/users/${user.id}`).send({ role: 'admin' }).expect(200);

    const res = await t.api.as(user).get('/api/admin/users');
    expect(res.status).toBe(200);
  });

  it('take effect at once for a demoted admin, with the token they already hold', async () => {
    const [admin, demoted] = [await t.given.admin(), await t.given.admin()];

    await t.api.as(admin).patch(`/api/users/${demoted.id}`).send({ role: 'user' }).expect(200);

    const res = await t.api.as(demoted).get('/api/admin/users');
    expect(res).toBeProblem(403);
  });
});

describe('order of checks', () => {
  it('answers 403 to a non-admin changing another user, before validating the body', async () => {
    const [user, other] = [await t.given.user(), await t.given.user()];

    const res = await t.api.as(user).patch(`/api/users/${other.id}`).send({ name: '' });

    expect(res).toBeProblem(403);
  });

  it('answers 401 before 400 for a malformed id', async () => {
    const res = await t.api.patch('/api/users/42').send({ name: 'x' });

    expect(res).toBeProblem(401);
  });
});
