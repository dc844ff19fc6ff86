import type { Response } from 'supertest';
import type { Client } from '../api-client';
import { PASSWORD } from '../given';
import type { ContractTarget } from '../target';
import { useContractApp, type ContractApp } from '../use-contract-app';

const WRONG = 'not the password';
// The contract targets' pool: at most this many of the app's statements reach the database at once.
const POOL_SIZE = 4;

/**
 * A login as a proxy in front of the app would pass it on: the test is the proxy, on
 * loopback, and says which client it serves in X-Forwarded-For.
 */
const loginFrom = (client: Client, from: string, email: string, password = WRONG) =>
  client.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

async function failFrom(c: ContractApp, from: string, email: string, times: number) {
  for (let i = 0; i < times; i++) await loginFrom(c.api, from, email).expect(401);
}

const attemptsOf = (c: ContractApp, email: string) =>
  c.db.rows('SELECT client_ip FROM login_attempts WHERE email = $1', [email]);

/**
 * A gate: blocks every write to `table` (reads go on) until the returned function is called,
 * which waits until as many of the app's statements as its pool has connections are stuck
 * behind it, then opens. Requests that
 * arrive one by one would each finish a claim (a millisecond or two) before the next began;
 * released together, they are in the database at the same time, as under a real burst.
 */
async function holdWritesTo(c: ContractApp, table: string): Promise<() => Promise<void>> {
  await c.db.rows('BEGIN');
  await c.db.rows(`LOCK TABLE ${table} IN SHARE MODE`);
  return async () => {
    try {
      for (let waiting = 0; waiting < POOL_SIZE;) {
        const [row] = await c.db.rows<{ waiting: number }>(
          'SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())',
        );
        waiting = row?.waiting ?? 0;
      }
    } finally {
      await c.db.rows('COMMIT');
    }
  };
}

/** How many responses got each status: `{ 401: 1, 429: 11 }`. */
const tally = (responses: Response[]) => {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

/**
 * Failed logins counted per client address across emails and per account across addresses,
 * beside the contract's 5 per email and client; the client address from the socket unless a
 * proxy is trusted, by hop count or by address (docs/hardening/security.md).
 */
export function describeLoginThrottleContract(target: ContractTarget): void {
  describe(`${target.name} · login throttling by address and by account`, () => {
    describe('with no proxy trusted (the default)', () => {
      const c = useContractApp(target);

      it('ignores a spoofed X-Forwarded-For: every attempt counts to the socket address', async () => {
        const user = await c.given.user();
        for (let i = 1; i <= 5; i++)
          await loginFrom(c.api, `198.51.100.${i}`, user.email).expect(401);

        const res = await loginFrom(c.api, '198.51.100.6', user.email, PASSWORD);

        expect(res).toBeProblem(429);
        expect(await attemptsOf(c, user.email)).toEqual(
          Array.from({ length: 5 }, () => ({ client_ip: '127.0.0.1' })),
        );
      });
    });

    describe('behind one trusted proxy hop', () => {
      const c = useContractApp(target, { start: { trustProxy: 1 } });

      it("counts two clients behind the proxy apart: one's failures do not lock the other out", async () => {
        const user = await c.given.user();
        await failFrom(c, '198.51.100.1', user.email, 5);

        const locked = await loginFrom(c.api, '198.51.100.1', user.email, PASSWORD);
        const other = await loginFrom(c.api, '198.51.100.2', user.email, PASSWORD);

        expect(locked).toBeProblem(429);
        expect(other.status).toBe(200);
      });

      // Only ::ffff:a.b.c.d is an IPv4 client; another prefix makes a different IPv6 client.
      it('counts an IPv6 client whose address ends like a mapped IPv4 one as that IPv6 client', async () => {
        const user = await c.given.user();
        await failFrom(c, '2001:db8::ffff:203.0.113.7', user.email, 5);

        const ipv4 = await loginFrom(c.api, '203.0.113.7', user.email, PASSWORD);

        expect(ipv4.status).toBe(200);
        expect(await attemptsOf(c, user.email)).toEqual(
          Array.from({ length: 5 }, () => ({ client_ip: '2001:db8::ffff:203.0.113.7' })),
        );
      });

      it('counts a client by the address the proxy saw, whatever X-Forwarded-For it sent itself', async () => {
        const user = await c.given.user();
        for (let i = 1; i <= 5; i++)
          await loginFrom(c.api, `203.0.113.${i}, 198.51.100.1`, user.email).expect(401);

        const res = await loginFrom(c.api, '203.0.113.6, 198.51.100.1', user.email, PASSWORD);

        expect(res).toBeProblem(429);
        expect(await attemptsOf(c, user.email)).toEqual(
          Array.from({ length: 5 }, () => ({ client_ip: '198.51.100.1' })),
        );
      });

      it('answers 429 for 15 minutes to an address that has failed for 20 emails (password spraying)', async () => {
        const user = await c.given.user();
        for (let i = 0; i < 20; i++) await failFrom(c, '198.51.100.1', c.given.email(), 1);

        const res = await loginFrom(c.api, '198.51.100.1', user.email, PASSWORD);
        const elsewhere = await loginFrom(c.api, '198.51.100.2', user.email, PASSWORD);

        expect(res).toBeProblem(429);
        expect(res.headers['retry-after']).toBe('900');
        expect(await attemptsOf(c, user.email)).toEqual([]);
        expect(elsewhere.status).toBe(200);
      });

      it('answers 429 to an account that has failed 10 times from several addresses, for 5 minutes only', async () => {
        const user = await c.given.user();
        await failFrom(c, '198.51.100.1', user.email, 5);
        await failFrom(c, '198.51.100.2', user.email, 5);

        const locked = await loginFrom(c.api, '198.51.100.3', user.email, PASSWORD);
        c.clock.advance({ minutes: 2 });
        const later = await loginFrom(c.api, '198.51.100.3', user.email, PASSWORD);
        c.clock.advance({ minutes: 3 });
        const after = await loginFrom(c.api, '198.51.100.3', user.email, PASSWORD);

        expect(locked).toBeProblem(429);
        expect(locked.headers['retry-after']).toBe('300');
        expect(later.headers['retry-after']).toBe('180');
        expect(after.status).toBe(200);
      });

      it('lets wrong passwords for many emails sent at once from one address through no further than in a row', async () => {
        for (let i = 0; i < 19; i++) await failFrom(c, '198.51.100.1', c.given.email(), 1);
        const emails = Array.from({ length: 12 }, () => c.given.email());
        const opened = await holdWritesTo(c, 'login_attempts');

        // Promise.all sends them (a supertest request goes out when awaited) while the gate holds.
        const sent = Promise.all(
          emails.map((email) => loginFrom(c.api.concurrently, '198.51.100.1', email)),
        );
        await opened();
        const responses = await sent;

        expect(tally(responses)).toEqual({ 401: 1, 429: 11 });
        const rows = await c.db.rows(
          "SELECT id FROM login_attempts WHERE client_ip = '198.51.100.1'",
        );
        expect(rows).toHaveLength(20);
      });
      it('lets wrong passwords for one account sent at once from many addresses through no further than in a row', async () => {
        const email = c.given.email();
        for (const from of ['198.51.100.1', '198.51.100.2', '198.51.100.3'])
          await failFrom(c, from, email, 3);
        const addresses = Array.from({ length: 12 }, (_, i) => `203.0.113.${i + 1}`);
        const opened = await holdWritesTo(c, 'login_attempts');

        const sent = Promise.all(
          addresses.map((from) => loginFrom(c.api.concurrently, from, email)),
        );
        await opened();
        const responses = await sent;

        expect(tally(responses)).toEqual({ 401: 1, 429: 11 });
        expect(await attemptsOf(c, email)).toHaveLength(10);
      });

      it('gives the longest wait when several rules are full', async () => {
        const user = await c.given.user();
        await failFrom(c, '198.51.100.1', user.email, 5);
        await failFrom(c, '198.51.100.2', user.email, 5);

        const first = await loginFrom(c.api, '198.51.100.1', user.email, PASSWORD);
        c.clock.advance({ minutes: 5 });
        const later = await loginFrom(c.api, '198.51.100.1', user.email, PASSWORD);

        // Its own five fill the 15-minute rule; all ten, the account's 5-minute one.
        expect(first).toBeProblem(429);
        expect(first.headers['retry-after']).toBe('900');
        expect(later.headers['retry-after']).toBe('600');
      });

      it.each([
        ['70 characters', 'x'.repeat(70)],
        ['8000 characters', 'x'.repeat(8000)],
        ['a word', 'garbage'],
        ['"unknown"', 'unknown'],
        ['an IPv4 address with a port', '1.2.3.4:5678'],
        ['an IPv6 address with a port', '[::1]:80'],
        ['a quoted address', '"9.9.9.8"'],
        ['an address with a zone', '9.9.9.9%eth0'],
        ['an IPv6 address with a long zone', `fe80::1%${'x'.repeat(200)}`],
      ])(
        'counts a client whose X-Forwarded-For is %s, no address, to the socket address',
        async (_kind, forwarded) => {
          const email = c.given.email();

          const res = await loginFrom(c.api, forwarded, email);

          expect(res).toBeProblem(401);
          expect(await attemptsOf(c, email)).toEqual([{ client_ip: '127.0.0.1' }]);
        },
      );
    });

    describe('behind a proxy trusted by its address', () => {
      const c = useContractApp(target, { start: { trustProxy: ['127.0.0.1'] } });

      it("counts two clients behind the listed proxy apart: one's failures do not lock the other out", async () => {
        const user = await c.given.user();
        await failFrom(c, '198.51.100.1', user.email, 5);

        const locked = await loginFrom(c.api, '198.51.100.1', user.email, PASSWORD);
        const other = await loginFrom(c.api, '198.51.100.2', user.email, PASSWORD);

        expect(locked).toBeProblem(429);
        expect(other.status).toBe(200);
      });
    });

    describe('behind a proxy whose address is not in the trusted list', () => {
      const c = useContractApp(target, { start: { trustProxy: ['10.0.0.1'] } });

      it('ignores X-Forwarded-For from it: every attempt counts to the socket address', async () => {
        const user = await c.given.user();
        for (let i = 1; i <= 5; i++)
          await loginFrom(c.api, `198.51.100.${i}`, user.email).expect(401);

        const res = await loginFrom(c.api, '198.51.100.6', user.email, PASSWORD);

        expect(res).toBeProblem(429);
      });
    });
  });
}
