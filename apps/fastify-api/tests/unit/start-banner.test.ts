// Unit test: what `pnpm start` shows a person at a terminal under the first log lines: where
// the API is, where its data and mail go, how to get an admin, and no secret (docs/fastify-api.md).
import { dirname, join } from 'node:path';
import { loadConfig } from '../../src/config';
import { startBanner } from '../../src/start-banner';

const URL = 'http://localhost:3001';

describe('startBanner', () => {
  it('shows the URL, the embedded database, the outbox folder and how to get an admin', () => {
    const outbox = join(process.cwd(), '.outbox');
    const config = loadConfig({ MAIL_OUTBOX_DIR: outbox, EMBEDDED_DATABASE_PORT: '25999' });

    const banner = startBanner('fastify-api', URL, config);

    expect(banner).toContain(`fastify-api is ready at ${URL}`);
    expect(banner).toContain(`${URL}/openapi.json`);
    expect(banner).toMatch(/database +embedded PostgreSQL on port 25999/);
    expect(banner).toMatch(/mail +not sent: one JSON file per message in \.outbox\n/);
    expect(banner).toMatch(/admin +none made at start: set ADMIN_EMAIL and ADMIN_PASSWORD/);
  });

  it('shows a folder outside the one it was started from whole, and that folder itself as .', () => {
    const outside = join(dirname(process.cwd()), 'elsewhere', 'postgres');
    const config = loadConfig({ EMBEDDED_DATABASE_DIR: outside, MAIL_OUTBOX_DIR: process.cwd() });

    const banner = startBanner('fastify-api', URL, config);

    expect(banner).toContain(`data in ${outside}\n`);
    expect(banner).toMatch(/mail +not sent: one JSON file per message in \.\n/);
  });

  it('names the admin and the servers it uses, never a password or a credential in a URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:db-secret@db.example.test:5432/app',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mailer:smtp-secret@mail.example.test:587',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'admin-secret',
    });

    const banner = startBanner('fastify-api', URL, config);

    expect(banner).toMatch(/database +PostgreSQL at db\.example\.test:5432 \(DATABASE_URL\)/);
    expect(banner).toMatch(/mail +sent through mail\.example\.test:587 \(SMTP_URL\)/);
    expect(banner).toMatch(/admin +root@example\.test/);
    expect(banner).not.toMatch(/secret/);
  });

  it('stands apart from the log lines, a blank line above and below, and says how to stop', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@db.example.test:5432/app',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.test:587',
      ADMIN_EMAIL: 'root@example.test',
      ADMIN_PASSWORD: 'a strong password',
    });

    const banner = startBanner('fastify-api', URL, config);

    expect(banner).toBe(`
  fastify-api is ready at ${URL}
    API description  ${URL}/openapi.json
    database         PostgreSQL at db.example.test:5432 (DATABASE_URL)
    mail             sent through mail.example.test:587 (SMTP_URL)
    admin            root@example.test
    stop             Ctrl-C

`);
  });
});
