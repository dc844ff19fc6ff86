// A local SMTP server for development: start an app with MAIL_TRANSPORT=smtp and the SMTP_URL
// this prints, and each message the app sends shows here (from, to, subject, link). It is the
// catcher the tests use (src/smtp/), on loopback only; Ctrl-C stops it.
//
//   pnpm mail:catch [--port 2525]
import { parseArgs } from 'node:util';
import { startSmtpCatcher, type ReceivedMail } from '../src/smtp';

const { values } = parseArgs({ options: { port: { type: 'string', default: '2525' } } });

function summary(message: ReceivedMail): string {
  const from = message.from ? `${message.from.name} <${message.from.address}>`.trim() : '-';
  const link = /https?:\/\/\S+/.exec(message.text)?.[0];
  return [
    `mail to ${message.to.join(', ')}`,
    `  from     ${from}`,
    `  subject  ${message.subject}`,
    ...(link ? [`  link     ${link}`] : []),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const catcher = await startSmtpCatcher({
    port: Number(values.port),
    onMessage: (message) => process.stdout.write(`${summary(message)}\n`),
  });
  process.stdout.write(
    [
      `SMTP catcher listening on ${catcher.url}`,
      // Not the root `pnpm start`: turbo hands its tasks only the variables turbo.json names.
      `  start an app with  MAIL_TRANSPORT=smtp SMTP_URL=${catcher.url} pnpm --filter express-api start`,
      '                     (or fastify-api)',
      '  stop               Ctrl-C',
      '',
      '',
    ].join('\n'),
  );
  const stop = () => {
    catcher.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `mail:catch failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
