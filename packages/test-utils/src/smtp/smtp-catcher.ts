import { once } from 'node:events';
import type { AddressInfo, Socket } from 'node:net';
import { simpleParser, type AddressObject } from 'mailparser';
import {
  SMTPServer,
  type SMTPServerDataStream,
  type SMTPServerError,
  type SMTPServerSession,
} from 'smtp-server';

/** A message as the catcher received it over SMTP, parsed. */
export interface ReceivedMail {
  /** The envelope (MAIL FROM, RCPT TO): where the server was told to deliver. */
  envelope: { from: string | undefined; to: string[] };
  /** The `From` header: `App <no-reply@app.test>` is `{ name: 'App', address: 'no-reply@app.test' }`. */
  from: { name: string; address: string } | undefined;
  /** The addresses of the `To` header. */
  to: string[];
  subject: string;
  text: string;
  /** The user name the client signed in with, if it did. */
  user: string | undefined;
}

/** Where a refusal comes: the sign-in, a recipient, or the message once sent. */
export type SmtpStage = 'auth' | 'rcpt' | 'data';

type Fault =
  { kind: 'refuse'; at: SmtpStage; code: number } | { kind: 'drop' } | { kind: 'never-greet' };

export interface SmtpCatcher {
  /** `smtp://127.0.0.1:<port>`: give it to the app as its SMTP_URL. */
  url: string;
  port: number;
  /** Every message received, in order of arrival. */
  readonly messages: ReceivedMail[];
  sentTo(address: string): ReceivedMail[];
  lastTo(address: string): ReceivedMail | undefined;
  /**
   * The next connection is refused at `at` (the message, by default) with `code`: by default
   * 550 (mailbox unavailable), or 535 (bad credentials) at the sign-in.
   */
  refuseNext(options?: { at?: SmtpStage; code?: number }): void;
  /** The next connection is cut once its message has arrived, before the server answers. */
  dropNext(): void;
  /** The next connection is accepted and never greeted: a server that hangs. */
  neverGreetNext(): void;
  /** Forgets the messages and the faults not yet used. */
  clear(): void;
  /** Cuts every open connection and stops listening. */
  close(): Promise<void>;
}

export interface SmtpCatcherOptions {
  /** 0 (default): a free port, read it from `url`. */
  port?: number;
  /** Loopback by default: the catcher takes any message, so it is no server for a network. */
  host?: string;
  /** Called with each message as it arrives, before the server answers the client. */
  onMessage?: (message: ReceivedMail) => void;
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  const groups = Array.isArray(header) ? header : header ? [header] : [];
  const addresses: string[] = [];
  for (const group of groups)
    for (const { address } of group.value) if (address) addresses.push(address);
  return addresses;
}

function firstAddress(header: AddressObject | undefined) {
  const first = header?.value[0];
  return first?.address ? { name: first.name, address: first.address } : undefined;
}

async function parse(stream: SMTPServerDataStream, session: SMTPServerSession) {
  const mail = await simpleParser(stream);
  const { mailFrom, rcptTo } = session.envelope;
  return {
    envelope: {
      from: mailFrom ? mailFrom.address : undefined,
      to: rcptTo.map((recipient) => recipient.address),
    },
    from: firstAddress(mail.from),
    to: addressesOf(mail.to),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    // Stryker disable next-line ConditionalExpression: session.user is what onAuth gave, a user name, or nothing
    user: typeof session.user === 'string' ? session.user : undefined,
  } satisfies ReceivedMail;
}

const refusal = (code: number): SMTPServerError =>
  Object.assign(new Error(`Refused by the test SMTP server (${code})`), { responseCode: code });

async function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  // smtp-server re-emits on itself its listener's errors, which once() below rejects with,
  // and its connections', a client gone mid-session: neither may throw from an event.
  server.on('error', () => undefined);
  await once(server.server.listen(port, host), 'listening');
  return (server.server.address() as AddressInfo).port;
}

/**
 * A real SMTP server (smtp-server) on loopback that keeps what it receives, for tests of an
 * app's SMTP transport: the real client code and the wire protocol run, and the server can
 * refuse, cut or ignore the next connection. Accepts any sign-in and any address.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: ReceivedMail[] = [];
  const pending: Fault[] = [];
  // By session, which smtp-server keeps as one object per connection: gone with it.
  const faults = new WeakMap<SMTPServerSession, Fault | undefined>();
  // By client port: the session names the port it came from, and the fault a drop needs.
  const sockets = new Map<number, Socket>();
  const faultAt = (session: SMTPServerSession, at: SmtpStage) => {
    const fault = faults.get(session);
    return fault?.kind === 'refuse' && fault.at === at ? refusal(fault.code) : null;
  };

  const server = new SMTPServer({
    // Stryker disable next-line BooleanLiteral: what it prints, nothing a test reads
    logger: false,
    // A test server has no certificate to offer, and needs no name service: no STARTTLS, no
    // reverse lookup of the client's address (it would leave the machine).
    disabledCommands: ['STARTTLS'],
    // Stryker disable next-line BooleanLiteral: the name looked up is kept nowhere a test can read
    disableReverseLookup: true,
    authOptional: true,
    onConnect(session, callback) {
      const fault = pending.shift();
      faults.set(session, fault);
      if (fault?.kind !== 'never-greet') callback();
    },
    onAuth(auth, session, callback) {
      const refused = faultAt(session, 'auth');
      if (refused) callback(refused);
      else callback(null, { user: auth.username });
    },
    onRcptTo(_address, session, callback) {
      callback(faultAt(session, 'rcpt'));
    },
    onData(stream, session, callback) {
      parse(stream, session).then((message) => {
        const fault = faults.get(session);
        if (fault?.kind === 'drop') {
          // Stryker disable next-line OptionalChaining: a connection's socket is in the map while its session runs
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        const refused = faultAt(session, 'data');
        if (!refused) {
          messages.push(message);
          options.onMessage?.(message);
        }
        callback(refused);
      }, callback);
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort ?? 0;
    sockets.set(port, socket);
    // Stryker disable next-line StringLiteral,ArrowFunction: a closed socket kept in the map costs only memory; destroying it again does nothing
    socket.once('close', () => sockets.delete(port));
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port ?? 0, host);

  const sentTo = (address: string) =>
    messages.filter((message) =>
      message.to.some((to) => to.toLowerCase() === address.toLowerCase()),
    );
  return {
    url: `smtp://${host}:${port}`,
    port,
    messages,
    sentTo,
    lastTo: (address) => {
      const received = sentTo(address);
      return received[received.length - 1];
    },
    refuseNext: ({ at = 'data', code = at === 'auth' ? 535 : 550 } = {}) =>
      pending.push({ kind: 'refuse', at, code }),
    dropNext: () => pending.push({ kind: 'drop' }),
    neverGreetNext: () => pending.push({ kind: 'never-greet' }),
    clear: () => {
      messages.length = 0;
      pending.length = 0;
    },
    close: () => {
      for (const socket of sockets.values()) socket.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}
