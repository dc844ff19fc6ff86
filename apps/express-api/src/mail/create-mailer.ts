import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer } from './smtp-mailer';

export function createMailer(config: Config['mail'], clock: Clock): Mailer {
  return config.transport === 'smtp'
    ? new SmtpMailer(config.smtpUrl, config.from)
    : new OutboxMailer(config.outboxDir, clock);
}
