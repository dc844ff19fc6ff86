export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * Stands in for the mail transport: records what the app sent, and fails on request so a
 * test can check what the app does when mail is down. Structurally it is any app's
 * `Mailer` whose `send(message)` returns a promise.
 */
export class FakeMailer<Message extends MailMessage = MailMessage> {
  readonly sent: Message[] = [];
  private failures: Error[] = [];
  private permanentFailure: Error | undefined;

  send(message: Message): Promise<void> {
    const failure = this.failures.shift() ?? this.permanentFailure;
    if (failure) return Promise.reject(failure);
    this.sent.push(structuredClone(message));
    return Promise.resolve();
  }

  /** The next send fails (and only that one). */
  failNext(error: Error = new Error('Mail transport unavailable (fake)')): void {
    this.failures.push(error);
  }

  /** Every send fails until recover(). */
  failAlways(error: Error = new Error('Mail transport unavailable (fake)')): void {
    this.permanentFailure = error;
  }

  recover(): void {
    this.failures = [];
    this.permanentFailure = undefined;
  }

  sentTo(address: string): Message[] {
    return this.sent.filter((message) => message.to.toLowerCase() === address.toLowerCase());
  }

  lastTo(address: string): Message | undefined {
    const messages = this.sentTo(address);
    return messages[messages.length - 1];
  }

  clear(): void {
    this.sent.length = 0;
    this.recover();
  }
}
