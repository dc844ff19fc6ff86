import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { Mailer, MailMessage } from './mailer';

/**
 * Development transport: each message becomes one JSON file `{ to, subject, text, sentAt }`
 * in the outbox folder, named so that a directory listing is in sending order.
 */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const sentAt = this.clock.now().toISOString();
    await mkdir(this.dir, { recursive: true });
    const file = `${sentAt.replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.json`;
    const body = { to: message.to, subject: message.subject, text: message.text, sentAt };
    await writeFile(join(this.dir, file), `${JSON.stringify(body, null, 2)}\n`, { flag: 'wx' });
  }
}
