// A real SMTP server on loopback for tests of an app's SMTP transport (docs/external-services.md).
// Its own entry, not in core.ts: only the suites that use it load smtp-server and mailparser.
export {
  startSmtpCatcher,
  type ReceivedMail,
  type SmtpCatcher,
  type SmtpCatcherOptions,
  type SmtpStage,
} from './smtp-catcher';
