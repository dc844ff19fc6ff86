export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** The app's only way out to mail. Tests hand in test-utils' FakeMailer. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
