// API suite (1 of 4 kinds): a path that is not valid percent-encoding is refused as Fastify's
// router refuses it, and the refusal ends the connection only when a body may still be coming.
// See docs/express-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();
const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

describe('percent-encoded paths', () => {
  // Dropped rather than kept as a literal %25, the escape would join %E2%82 and %AC into a euro sign.
  it('refuses a path where %25 splits a UTF-8 sequence with 400', async () => {
    const user = await t.given.user();

    const res = await t.api.as(user).get('/api/users/%E2%82%25%AC');

    expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
  });

  it('keeps the connection after refusing a bad path that has no body', async () => {
    const res = await t.api.get('/api/%zz');

    expect(res).toBeProblem(400, { detail: BAD_PATH_ENCODING });
    expect(res.headers.connection).toBe('keep-alive');
  });
});
