import { randomUUID } from 'node:crypto';
import { chmod, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from '../clock';
import type { MailMessage, Mailer } from './mailer';

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

/** Writes each message as one JSON file `{ to, subject, text, sentAt }`, for development. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly clock: Clock,
  ) {}

  async send(message: MailMessage): Promise<void> {
    const sentAt = this.clock.now().toISOString();
    await this.createDir();
    const file = join(this.dir, `${sentAt.replaceAll(':', '-')}-${randomUUID()}.json`);
    const { to, subject, text } = message;
    await writePrivately(file, `${JSON.stringify({ to, subject, text, sentAt }, null, 2)}\n`);
  }

  // A folder this mailer makes is its owner's alone; one that exists is the operator's choice.
  private async createDir(): Promise<void> {
    const created = await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR });
    if (created !== undefined) await chmod(this.dir, PRIVATE_DIR);
  }
}
