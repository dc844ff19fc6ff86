import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { Mailer, MailMessage } from './mailer';

// The messages hold verification links, which sign an account in: owner only. The mode given
// at creation passes through the umask, so it is set again once the file is open.
const PRIVATE_FILE = 0o600;
const PRIVATE_DIR = 0o700;

async function writePrivately(path: string, content: string): Promise<void> {
  const file = await open(path, 'wx', PRIVATE_FILE);
  try {
    await file.chmod(PRIVATE_FILE);
    await file.writeFile(content);
  } finally {
    await file.close();
  }
}

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
    await this.createDir();
    const file = `${sentAt.replaceAll(':', '-')}-${randomBytes(4).toString('hex')}.json`;
    const body = { to: message.to, subject: message.subject, text: message.text, sentAt };
    await writePrivately(join(this.dir, file), `${JSON.stringify(body, null, 2)}\n`);
  }

  // A folder this mailer makes is its owner's alone; one that exists is the operator's choice.
  private async createDir(): Promise<void> {
    const created = await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR });
    if (created !== undefined) await chmod(this.dir, PRIVATE_DIR);
  }
}
