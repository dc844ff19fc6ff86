export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where the app's email goes: the outbox folder, an SMTP server, or a test's fake. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
