// Repository suite (2 of 4 kinds): the connections the app's pool opens. Each carries the
// app's name, so pg_stat_activity tells whose a stuck query is, and the statement timeout that
// turns a slow database into a 503 (docs/hardening/faults.md). See docs/fastify-api.md.
import { useTestApp } from '../../helpers/test-app';

const t = useTestApp();

describe("the app's database connections", () => {
  it('carry the app name and the default five-second statement timeout', async () => {
    const [settings] = await t.query<{ name: string; timeout: string }>(
      `SELECT application_name AS name, current_setting('statement_timeout') AS timeout
         FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
    );

    expect(settings).toEqual({ name: 'fastify-api', timeout: '5s' });
  });
});
