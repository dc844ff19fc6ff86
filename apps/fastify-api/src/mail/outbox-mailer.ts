import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { MailMessage, Mailer } from './mailer';

/** Writes each message as one JSON file `{ to, subject, text, sentAt }`, for development. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const sentAt = this.clock.now().toISOString();
    await mkdir(this.dir, { recursive: true });
    const file = join(this.dir, `${sentAt.replaceAll(':', '-')}-${randomUUID()}.json`);
    const { to, subject, text } = message;
    await writeFile(file, `${JSON.stringify({ to, subject, text, sentAt }, null, 2)}\n`);
  }
}
