import nodemailer, { type Transporter } from 'nodemailer';
import type { MailMessage, Mailer } from './mailer';

export interface SmtpTimeouts {
  /** To open the TCP connection. */
  connectionMs: number;
  /** From connected to the server's 220 greeting. */
  greetingMs: number;
  /** The longest silence from the server once the session runs. */
  socketMs: number;
}

/**
 * The mail is sent while the request waits, inside its transaction: nodemailer's own limits
 * (2 minutes to connect, 30 s for the greeting, 10 minutes of silence) would hold the request
 * and a database connection that long when the server hangs. A real server answers each step
 * in well under a second. SMTP_URL's query can set others (`?socketTimeout=30000`).
 */
export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 10_000,
};

/**
 * Production transport: SMTP through nodemailer, to the server named by SMTP_URL. With
 * `requireTls`, an smtp:// session must switch to TLS (STARTTLS) before it signs in or sends:
 * a server that does not offer it, or someone on the path who removed the offer, gets an error
 * and never the password or the message (smtps:// is TLS from the start).
 */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeouts: SmtpTimeouts = DEFAULT_SMTP_TIMEOUTS,
    requireTls = false,
  ) {
    this.transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: timeouts.connectionMs,
      greetingTimeout: timeouts.greetingMs,
      socketTimeout: timeouts.socketMs,
      requireTLS: requireTls,
    });
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }
}
