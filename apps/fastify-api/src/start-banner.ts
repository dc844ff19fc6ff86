import { isAbsolute, relative } from 'node:path';
import type { Config } from './config';

/**
 * What someone who has just run `pnpm start` needs next: where the API is, where its data and
 * its mail go, and how to get an admin. Only for a terminal; never a secret (no password, no
 * database credentials).
 */
export function startBanner(name: string, url: string, config: Config): string {
  // Short when under the folder it was started from, whole otherwise.
  const here = (path: string) => {
    const fromHere = relative(process.cwd(), path);
    return fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere || '.';
  };
  const database = config.databaseUrl
    ? `PostgreSQL at ${new URL(config.databaseUrl).host} (DATABASE_URL)`
    : `embedded PostgreSQL on port ${config.embeddedDatabase.port}, data in ${here(config.embeddedDatabase.dir)}`;
  const mail =
    config.mail.transport === 'outbox'
      ? `not sent: one JSON file per message in ${here(config.mail.outboxDir)}`
      : `sent through ${new URL(config.mail.smtpUrl).host} (SMTP_URL)`;
  const admin = config.admin
    ? config.admin.email
    : 'none made at start: set ADMIN_EMAIL and ADMIN_PASSWORD, then start again';
  return [
    '',
    `  ${name} is ready at ${url}`,
    `    API description  ${url}/openapi.json`,
    `    database         ${database}`,
    `    mail             ${mail}`,
    `    admin            ${admin}`,
    '    stop             Ctrl-C',
    '',
    '',
  ].join('\n');
}
