import { randomUUID } from 'node:crypto';
import { rangeAnswer, rangePath, sha1Hex } from '../pwned-range';
import { useRangeServer, type RangeBehaviour } from '../range-server';
import type { ContractTarget } from '../target';
import { useContractApp } from '../use-contract-app';

// Short, so the case where the service never answers ends quickly.
const TIMEOUT_MS = 200;

/** A password no other test uses, so its range is this test's alone. */
const uniquePassword = () => `a passphrase of its own ${randomUUID()}`;

/**
 * The breached-password check of docs/api-contract.md, as a client sees it: the apps ask a real
 * range server on loopback (docs/external-services.md), with the check on. The event each logs
 * when the service cannot answer is the apps' own suites' (it is not visible over HTTP).
 */
export function describePasswordBreachContract(target: ContractTarget): void {
  describe(`${target.name} · breached-password check`, () => {
    const service = useRangeServer();
    const c = useContractApp(target, {
      start: () => ({ passwordBreachCheck: { url: service.url, timeoutMs: TIMEOUT_MS } }),
    });

    const register = (password: string, behaviour: RangeBehaviour) => {
      service.answer(password, behaviour);
      const body = { ...c.given.attributes(), password };
      return { body, res: c.api.post('/api/auth/register').send(body) };
    };
    const usersWithEmail = (email: string) =>
      c.db.rows('SELECT id FROM users WHERE email = $1', [email]);

    it('refuses a breached password with a 400 field error on password, writing and mailing nothing', async () => {
      const password = uniquePassword();
      const { body, res } = register(password, { answer: 'range', body: rangeAnswer(password, 9) });

      const answered = await res;

      expect(answered).toBeProblem(400, {
        detail: 'The request is invalid: see errors.',
        errors: [{ path: 'password', message: expect.stringMatching(/data breach/) as string }],
      });
      expect(await usersWithEmail(body.email)).toEqual([]);
      expect(c.mailer.sent).toEqual([]);
    });

    it('registers a password the range does not list', async () => {
      const password = uniquePassword();
      const { res } = register(password, { answer: 'range', body: rangeAnswer(password) });

      expect((await res).status).toBe(201);
    });

    it('registers a password the range lists only as padding (count 0)', async () => {
      const password = uniquePassword();
      const { res } = register(password, { answer: 'range', body: rangeAnswer(password, 0) });

      expect((await res).status).toBe(201);
    });

    it('asks for the range of the first five characters of the SHA-1 only, with Add-Padding: true', async () => {
      const password = uniquePassword();
      const { res } = register(password, { answer: 'range', body: rangeAnswer(password) });

      await res;

      expect(service.requests).toEqual([
        expect.objectContaining({ method: 'GET', path: rangePath(password) }),
      ]);
      expect(service.requests[0]?.headers['add-padding']).toBe('true');
      expect(JSON.stringify(service.requests)).not.toContain(sha1Hex(password).slice(5));
    });

    it('registers the user when the service answers 500, after one retry and no more', async () => {
      const password = uniquePassword();
      const { res } = register(password, { answer: 'status', status: 500 });

      expect((await res).status).toBe(201);
      expect(service.requests.map((request) => request.path)).toEqual([
        rangePath(password),
        rangePath(password),
      ]);
    });

    it.each<[string, RangeBehaviour]>([
      ['never answers within the timeout', { answer: 'hang' }],
      ['cuts the connection', { answer: 'reset' }],
      ['answers a body that is not a range', { answer: 'range', body: '<html>oops</html>' }],
    ])('registers the user when the service %s', async (_how, behaviour) => {
      const { body, res } = register(uniquePassword(), behaviour);

      expect((await res).status).toBe(201);
      expect(await usersWithEmail(body.email)).toHaveLength(1);
    });

    // A count followed by more text is no SUFFIX:COUNT line: what came is not a range answer.
    it("registers the user when its password's line has text after the count", async () => {
      const password = uniquePassword();
      const line = `${sha1Hex(password).slice(5)}:9`;
      const { body, res } = register(password, { answer: 'range', body: `${line} breached` });

      expect((await res).status).toBe(201);
      expect(await usersWithEmail(body.email)).toHaveLength(1);
    });

    it("refuses a breached password in an admin's create with 400 and writes nothing", async () => {
      const admin = await c.given.admin();
      const password = uniquePassword();
      service.answer(password, { answer: 'range', body: rangeAnswer(password, 1) });
      const body = { ...c.given.attributes(), password };

      const res = await c.api.as(admin).post('/api/users').send(body);

      expect(res).toBeProblem(400);
      expect(await usersWithEmail(body.email)).toEqual([]);
    });
  });
}
