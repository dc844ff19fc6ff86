import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface OutboxMessage {
  to: string;
  text: string;
}

async function findMessageTo(outboxDir: string, email: string): Promise<OutboxMessage | undefined> {
  for (const file of (await readdir(outboxDir)).filter((name) => name.endsWith('.json'))) {
    const message = JSON.parse(await readFile(join(outboxDir, file), 'utf8')) as OutboxMessage;
    if (message.to === email) return message;
  }
  return undefined;
}

/**
 * The verification token from the email the app wrote to its outbox: the link in `text`
 * carries it as `token=<token>` in its query. Registration answers after the file is written.
 */
export async function readVerificationToken(outboxDir: string, email: string): Promise<string> {
  const message = await findMessageTo(outboxDir, email);
  const token = message ? /[?&]token=([^&\s]+)/.exec(message.text)?.[1] : undefined;
  if (token === undefined) throw new Error(`no verification email with a token for ${email}`);
  return decodeURIComponent(token);
}
