import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

/** The shape of every error: RFC 9457 problem+json, nothing internal (docs/api-contract.md). */
export function describeProblemsContract(target: ContractTarget): void {
  describe(`${target.name} · problem+json contract`, () => {
    const c = useContractApp(target);

    it('answers a body that is not JSON with a 400 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .set('content-type', 'application/json')
        .send('{"email":');

      expect(res).toBeProblem(400);
    });

    it.each([
      ['an array', []],
      ['a string', '"text"'],
    ])('answers %s where an object is expected with a 400 problem', async (_case, body) => {
      const res = await c.api
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));

      expect(res).toBeProblem(400);
    });

    it('lists every invalid field in errors, with its path and a message', async () => {
      const res = await c.api
        .post('/api/auth/register')
        .send({ name: '', email: 'x', password: 'y' });

      expect(res).toBeProblem(400, {
        type: 'about:blank',
        title: 'Bad Request',
        errors: [
          { path: 'name', message: expect.any(String) },
          { path: 'email', message: expect.any(String) },
          { path: 'password', message: expect.any(String) },
        ],
      });
    });

    // A client shows these messages beside the field, so their words are the contract too.
    // Each body is valid but for the one field the case changes.
    const validBodies = {
      register: () => {
        const { name, email, password } = c.given.attributes();
        return { name, email, password };
      },
      login: () => ({ email: c.given.email('someone'), password: 'a password' }),
      'verify-email': () => ({ token: 'x'.repeat(43) }),
    };
    const NUL_OR_SURROGATE = 'Must not contain NUL or unpaired surrogate characters.';
    const SURROGATE = 'Must not contain unpaired surrogate characters.';
    const fieldErrors: {
      route: keyof typeof validBodies;
      what: string;
      change: Record<string, string>;
      path: string;
      message: string;
    }[] = [
      {
        route: 'register',
        what: 'an empty name',
        change: { name: '' },
        path: 'name',
        message: 'Must not be empty.',
      },
      {
        route: 'register',
        what: 'a name of spaces only',
        change: { name: '   ' },
        path: 'name',
        message: 'Must not be empty.',
      },
      {
        route: 'register',
        what: 'a name of 101 characters',
        change: { name: 'n'.repeat(101) },
        path: 'name',
        message: 'At most 100 characters.',
      },
      {
        route: 'register',
        what: 'a NUL in the name',
        change: { name: 'a\u0000b' },
        path: 'name',
        message: NUL_OR_SURROGATE,
      },
      {
        route: 'register',
        what: 'an email with no @',
        change: { email: 'not-an-email' },
        path: 'email',
        message: 'Must be a valid email address.',
      },
      {
        route: 'register',
        what: 'a password of 5 characters',
        change: { password: 'short' },
        path: 'password',
        message: 'At least 8 characters.',
      },
      {
        route: 'register',
        what: 'a password of 129 characters',
        change: { password: 'p'.repeat(129) },
        path: 'password',
        message: 'At most 128 characters.',
      },
      {
        route: 'register',
        what: 'a lone surrogate in the password',
        change: { password: 'password\ud800' },
        path: 'password',
        message: SURROGATE,
      },
      {
        route: 'login',
        what: 'an empty email',
        change: { email: '' },
        path: 'email',
        message: 'Must not be empty.',
      },
      {
        route: 'login',
        what: 'a NUL in the email',
        change: { email: 'a\u0000@example.test' },
        path: 'email',
        message: NUL_OR_SURROGATE,
      },
      {
        route: 'login',
        what: 'an empty password',
        change: { password: '' },
        path: 'password',
        message: 'Must not be empty.',
      },
      {
        route: 'login',
        what: 'a lone surrogate in the password',
        change: { password: 'password\udc00' },
        path: 'password',
        message: SURROGATE,
      },
      {
        route: 'verify-email',
        what: 'an empty token',
        change: { token: '' },
        path: 'token',
        message: 'Must not be empty.',
      },
    ];

    it.each(fieldErrors)(
      'answers $route with $what with a 400 whose field error on $path says $message',
      async ({ route, change, path, message }) => {
        const res = await c.api
          .post(`/api/auth/${route}`)
          .send({ ...validBodies[route](), ...change });

        expect(res).toBeProblem(400, { errors: [{ path, message }] });
      },
    );

    it.each([
      { url: '/api/users?limit=1.5', path: 'limit', message: 'Must be an integer.' },
      { url: '/api/users?offset=0.5', path: 'offset', message: 'Must be an integer.' },
      {
        url: '/api/admin/users?emailVerified=yes',
        path: 'emailVerified',
        message: 'Must be true or false.',
      },
    ])(
      'answers GET $url with a 400 whose field error on $path says $message',
      async ({ url, path, message }) => {
        const admin = await c.given.admin();

        const res = await c.api.as(admin).get(url);

        expect(res).toBeProblem(400, { errors: [{ path, message }] });
      },
    );

    it('answers a change of nothing with a 400 that says a field is required', async () => {
      const admin = await c.given.admin();

      const res = await c.api.as(admin).patch(`/api/users/${admin.id}`).send({});

      expect(res).toBeProblem(400, {
        errors: [{ path: '', message: 'At least one field is required.' }],
      });
    });

    it('answers an email longer than 320 characters with a 400 that says so', async () => {
      const email = `${'a'.repeat(64)}@${'b'.repeat(251)}.test`;

      const res = await c.api.post('/api/auth/register').send({ ...validBodies.register(), email });

      expect(res).toBeProblem(400, {
        errors: [{ path: 'email', message: 'At most 320 characters.' }],
      });
    });

    it('checks authentication before the id: 401 for a malformed id without a token', async () => {
      expect(await c.api.get('/api/users/not-a-uuid')).toBeProblem(401);
    });

    it('answers an over-long id like any malformed id: 401 without a token, 400 on the id with one', async () => {
      const user = await c.given.user();
      const longId = 'a'.repeat(150);

      const anonymous = await c.api.get(`/api/users/${longId}`);
      const signedIn = await c.api.as(user).get(`/api/users/${longId}`);

      expect(anonymous).toBeProblem(401);
      expect(signedIn).toBeProblem(400, {
        errors: [{ path: 'id', message: expect.any(String) }],
      });
    });

    it.each(['patch', 'delete'] as const)(
      "answers a user's %s of a malformed id with a 400 on the id, not a 403: it is no one else's",
      async (method) => {
        const user = await c.given.user();
        const before = await c.db.snapshot();

        const res = await c.api.as(user)[method]('/api/users/not-a-uuid');

        expect(res).toBeProblem(400, { errors: [{ path: 'id', message: 'Must be a UUID.' }] });
        expect(await c.db.snapshot()).toEqual(before);
      },
    );

    it.each(['%zz', '%E0%A4%A'])(
      'answers a path with malformed percent-encoding (%s) with a 400 problem that does not repeat it',
      async (encoded) => {
        const res = await c.api.get(`/api/users/${encoded}`);

        expect(res).toBeProblem(400, { detail: 'The request path is not valid percent-encoding.' });
        expect(res.headers).toMatchObject({
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
      },
    );

    it('answers a body over 100 kB with a 413 problem', async () => {
      const res = await c.api
        .post('/api/auth/login')
        .send({ email: 'a@b.test', password: 'x'.repeat(110_000) });

      expect(res).toBeProblem(413, { detail: 'The request body is too large.' });
    });
  });
}
