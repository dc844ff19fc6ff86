import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer } from './smtp-mailer';

export function createMailer(config: Config['mail'], clock: Clock): Mailer {
  if (config.transport === 'smtp' && config.smtpUrl)
    return new SmtpMailer(config.smtpUrl, config.from);
  return new OutboxMailer(config.outboxDir, clock);
}
