import type { Clock } from '../clock';
import type { Config } from '../config';
import type { Mailer } from './mailer';
import { OutboxMailer } from './outbox-mailer';
import { SmtpMailer, type SmtpTimeouts } from './smtp-mailer';

/** The transport MAIL_TRANSPORT names; `smtpTimeouts` only for tests that need them short. */
export function createMailer(
  config: Config['mail'],
  clock: Clock,
  smtpTimeouts?: SmtpTimeouts,
): Mailer {
  return config.transport === 'smtp'
    ? new SmtpMailer(config.smtpUrl, config.from, smtpTimeouts, config.requireTls)
    : new OutboxMailer(config.outboxDir, clock);
}
