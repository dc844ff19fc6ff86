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
  /** The next connection is refused at `at` with `code` (550: mailbox unavailable, by default). */
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
    user: typeof session.user === 'string' ? session.user : undefined,
  } satisfies ReceivedMail;
}

const refusal = (code: number): SMTPServerError =>
  Object.assign(new Error(`Refused by the test SMTP server (${code})`), { responseCode: code });

function listen(server: SMTPServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => {
      server.server.off('error', reject);
      resolve((server.server.address() as AddressInfo).port);
    });
  });
}

/**
 * A real SMTP server (smtp-server) on loopback that keeps what it receives, for tests of an
 * app's SMTP transport: the real client code and the wire protocol run, and the server can
 * refuse, cut or ignore the next connection. Accepts any sign-in and any address.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const messages: ReceivedMail[] = [];
  const pending: Fault[] = [];
  const faults = new Map<string, Fault>();
  // By client port: the session names the port it came from, and the fault a drop needs.
  const sockets = new Map<number, Socket>();
  const faultAt = (session: SMTPServerSession, at: SmtpStage) => {
    const fault = faults.get(session.id);
    return fault?.kind === 'refuse' && fault.at === at ? refusal(fault.code) : null;
  };

  const server = new SMTPServer({
    logger: false,
    // A test server has no certificate to offer, and needs no name service: no STARTTLS, no
    // reverse lookup of the client's address (it would leave the machine).
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    authOptional: true,
    allowInsecureAuth: true,
    onConnect(session, callback) {
      const fault = pending.shift();
      if (fault) faults.set(session.id, fault);
      if (fault?.kind !== 'never-greet') callback();
    },
    onAuth(auth, session, callback) {
      const refused = faultAt(session, 'auth');
      if (refused) callback(Object.assign(refused, { responseCode: 535 }));
      else callback(null, { user: auth.username });
    },
    onRcptTo(_address, session, callback) {
      callback(faultAt(session, 'rcpt'));
    },
    onData(stream, session, callback) {
      parse(stream, session).then((message) => {
        const fault = faults.get(session.id);
        if (fault?.kind === 'drop') {
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
    onClose(session) {
      faults.delete(session.id);
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort ?? 0;
    sockets.set(port, socket);
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
    refuseNext: ({ at = 'data', code = 550 } = {}) => pending.push({ kind: 'refuse', at, code }),
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
