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
  const { transport, outboxDir, smtpUrl } = config.mail;
  const mail =
    transport === 'smtp' && smtpUrl !== undefined
      ? `sent through ${new URL(smtpUrl).host} (SMTP_URL)`
      : `not sent: one JSON file per message in ${here(outboxDir)}`;
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
