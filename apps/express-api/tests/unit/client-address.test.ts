// Unit tests: the client address the throttle, the request limits and the logs use, from what
// the framework resolved and the socket's peer. No server: the HTTP side is the contract's
// login-throttle suite. See docs/hardening/security.md.
import { resolveClientAddress } from '../../src/http/client-address';

describe('resolveClientAddress', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8::7', '2001:db8::7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
  ])('reads the resolved address %s as %s', (resolved, address) => {
    expect(resolveClientAddress(resolved, '10.0.0.1')).toBe(address);
  });

  it.each(['garbage', '1.2.3.4:5678', 'fe80::1%eth0', '', undefined])(
    'falls back to the socket address when the resolved value is %j, no address',
    (resolved) => {
      expect(resolveClientAddress(resolved, '::ffff:10.0.0.1')).toBe('10.0.0.1');
    },
  );

  // The socket's value is not checked like a forwarded one: only a whole mapped address is
  // shortened, never one with more after its IPv4 part.
  it('keeps a socket value that only begins like a mapped IPv4 address as it is', () => {
    expect(resolveClientAddress(undefined, '::ffff:10.0.0.1:5678')).toBe('::ffff:10.0.0.1:5678');
  });

  it('names the client unknown when neither value is an address, the socket already gone', () => {
    expect(resolveClientAddress('garbage', undefined)).toBe('unknown');
  });
});
