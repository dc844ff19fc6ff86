// API suite (1 of 4 kinds): what the route handlers return, before Fastify serialises it. The
// response schemas drop unknown fields, but a handler that returns a whole database row leaves
// the password hash one schema mistake away from a response, so every handler maps the row to
// the response shape itself, as the Express app does (docs/hardening/security.md).
import { tokenFromLastEmail } from '../../helpers/mail';
import { useTestApp } from '../../helpers/test-app';

const handed: unknown[] = [];
const t = useTestApp(
  {},
  {
    beforeStart: (app) => {
      app.addHook('preSerialization', async (_request, _reply, payload) => {
        handed.push(payload);
        return payload;
      });
    },
  },
);

beforeEach(() => {
  handed.length = 0;
});

it('hands the serializer response shapes only: no handler result holds a password hash', async () => {
  const admin = await t.given.admin();
  const other = await t.given.user();
  const { name, email, password } = t.given.attributes();
  const registered = await t.api
    .post('/api/auth/register')
    .send({ name, email, password })
    .expect(201);
  const id = (registered.body as { id: string }).id;
  const token = tokenFromLastEmail(t.mailer, email);

  await t.api.post('/api/auth/verify-email').send({ token }).expect(200);
  await t.api.post('/api/auth/login').send({ email: admin.email, password: admin.password });
  await t.api.as(admin).get('/api/profile').expect(200);
  await t.api.as(admin).get(`/api/users/${id}`).expect(200);
  await t.api.as(other).get(`/api/users/${id}`).expect(200);
  await t.api.as(admin).get('/api/users').expect(200);
  await t.api.as(admin).get('/api/admin/users').expect(200);
  await t.api.as(admin).patch(`/api/users/${id}`).send({ name: 'Renamed' }).expect(200);
  await t.api.as(admin).post('/api/users').send(t.given.attributes()).expect(201);

  expect(handed).toHaveLength(10);
  expect(JSON.stringify(handed)).not.toMatch(/passwordHash|password_hash|\$argon2/);
});
