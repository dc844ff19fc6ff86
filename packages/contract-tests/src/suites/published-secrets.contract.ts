import { mkdtemp, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createResponseValidator,
  testDatabase,
  validateResponses,
  type OpenApiDocument,
  type ResponseValidator,
} from '@testbed/test-utils';
import request from 'supertest';
import { appEnvironment, launchAppProcess, type AppProcess } from '../app-process';
import { PASSWORD } from '../given';
import { signJwt, validClaims } from '../hostile/jwt';
import { PUBLISHED_JWT_SECRETS } from '../published-secrets';
import type { ContractTarget } from '../target';

// Starting the app from source takes a second or two, more on a busy machine.
const START_TIMEOUT_MS = 30_000;
const HS256 = { alg: 'HS256', typ: 'JWT' };
// Only this suite bootstraps an admin, so no earlier suite's row can hold the address.
const ADMIN_EMAIL = 'published-secrets-admin@example.com';

/**
 * A deployment that forgot JWT_SECRET and NODE_ENV (docs/api-contract.md#security-rules): the
 * app signs with a secret of its own, so no secret anyone can read in this repository, now
 * or in its history, signs a token it accepts. The app runs as its own process, as it is
 * deployed, with the environment a careless operator gives it: the admin, nothing else.
 */
export function describePublishedSecretsContract(target: ContractTarget): void {
  describe(`${target.name} · published secrets contract`, () => {
    const agent = new Agent({ keepAlive: false });
    let outboxDir: string;
    let app: AppProcess;
    let baseUrl: string;
    let validator: ResponseValidator;
    let admin: { id: string; token: string };

    const profileWith = (token: string) =>
      validateResponses(request(baseUrl).get('/api/profile'), validator)
        .agent(agent)
        .set('Authorization', `Bearer ${token}`);

    // One process for the whole suite, whose tests only read: each start costs a second of CPU.
    // No table reset either: it would delete the admin the process made at start.
    beforeAll(async () => {
      outboxDir = await mkdtemp(join(tmpdir(), `${target.name}-outbox-`));
      // spawn leaves out a variable whose value is undefined: these two are not set at all.
      const forgotten = { JWT_SECRET: undefined, NODE_ENV: undefined };
      app = launchAppProcess(target, {
        ...appEnvironment(testDatabase().url, outboxDir),
        ...forgotten,
        ADMIN_EMAIL,
        ADMIN_PASSWORD: PASSWORD,
      });
      ({ baseUrl } = await app.listening());
      const document = await request(baseUrl).get('/openapi.json').agent(agent).expect(200);
      validator = createResponseValidator(document.body as OpenApiDocument);
      const login = await validateResponses(request(baseUrl).post('/api/auth/login'), validator)
        .agent(agent)
        .send({ email: ADMIN_EMAIL, password: PASSWORD })
        .expect(200);
      const token = (login.body as { access_token: string }).access_token;
      const profile = await profileWith(token).expect(200);
      admin = { id: (profile.body as { id: string }).id, token };
    }, START_TIMEOUT_MS);

    afterAll(async () => {
      await app.stop();
      agent.destroy();
      await rm(outboxDir, { recursive: true, force: true });
    });

    it('accepts the token from its own login, so each refusal below is for the secret alone', async () => {
      const res = await profileWith(admin.token);

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: admin.id, email: ADMIN_EMAIL, role: 'admin' });
    });

    it.each(PUBLISHED_JWT_SECRETS)(
      'answers 401 with a Bearer challenge to an admin token signed with the published secret %s',
      async (secret) => {
        const forged = signJwt(HS256, validClaims({ userId: admin.id, now: new Date() }), {
          secret,
        });

        const res = await profileWith(forged);

        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toMatch(/^Bearer\b/);
      },
    );
  });
}
