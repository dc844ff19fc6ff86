// Unit tests: TRUST_PROXY and the RATE_LIMIT_* variables, read by the same loader as the rest
// of the configuration; each rule is one small test with no server and no database.
// See docs/express-api.md.
import express from 'express';
import { ConfigError, loadConfig } from '../../src/config';
import { frameworkProxyTrust } from '../../src/http/proxy-trust';

describe('loadConfig: TRUST_PROXY', () => {
  it.each([{}, { TRUST_PROXY: '' }, { TRUST_PROXY: 'false' }])(
    'trusts no proxy for %j: the client is the socket address',
    (env) => {
      expect(loadConfig(env).trustProxy).toBe(false);
    },
  );

  it.each([
    ['1', 1],
    ['3', 3],
    ['10', 10],
    [' 2 ', 2],
    ['10.0.0.1', ['10.0.0.1']],
    ['10.0.0.0/8, 192.168.1.1', ['10.0.0.0/8', '192.168.1.1']],
    ['loopback,2001:db8::/32', ['loopback', '2001:db8::/32']],
    // The narrowest and widest prefixes allowed, and an IPv6 one longer than any IPv4 prefix.
    ['0.0.0.0/1, 10.0.0.1/32', ['0.0.0.0/1', '10.0.0.1/32']],
    ['2001:db8::/48', ['2001:db8::/48']],
  ])('reads TRUST_PROXY=%s as %j', (value, trust) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(trust);
  });

  it('refuses TRUST_PROXY=true with one line naming it and saying why', () => {
    const load = () => loadConfig({ TRUST_PROXY: 'true' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      /^Invalid configuration: TRUST_PROXY must not be true: [^\n]*X-Forwarded-For[^\n]*$/,
    );
  });

  it.each([
    '0',
    '-1',
    'yes',
    '10.0.0.300',
    '10.0.0.0/33',
    '10.0.0.1,',
    'example.test',
    // Two prefixes, and prefixes that Number() would still read as 8.
    '10.0.0.0/8/8',
    '10.0.0.0/+8',
    '10.0.0.0/8e0',
  ])('refuses TRUST_PROXY=%s with one line naming it', (value) => {
    const load = () => loadConfig({ TRUST_PROXY: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/^Invalid configuration: TRUST_PROXY [^\n]+$/);
  });

  it.each(['11', '99999999999999999999'])(
    'refuses the hop count TRUST_PROXY=%s, above 10, with one line naming it and saying why',
    (value) => {
      const load = () => loadConfig({ TRUST_PROXY: value });

      expect(load).toThrow(ConfigError);
      expect(load).toThrow(
        /^Invalid configuration: TRUST_PROXY must be a hop count from 1 to 10[^\n]*client[^\n]*$/,
      );
    },
  );

  // proxy-addr refuses these too, but only when the app is built, after the database is up,
  // in a message that names neither TRUST_PROXY nor the reason.
  it.each(['0.0.0.0/0', '::/0', '10.0.0.1, 0.0.0.0/0', 'fe80::1%eth-0'])(
    'refuses TRUST_PROXY=%s at load, with one line naming it',
    (value) => {
      const load = () => loadConfig({ TRUST_PROXY: value });

      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/^Invalid configuration: TRUST_PROXY [^\n]+$/);
    },
  );
});

describe('frameworkProxyTrust', () => {
  it.each([
    '1',
    '10',
    '10.0.0.0/8, 192.168.1.1',
    'loopback,2001:db8::/32',
    '10.0.0.1/32',
    '::ffff:10.0.0.1',
  ])('hands Express a setting it accepts for TRUST_PROXY=%s', (value) => {
    const { trustProxy } = loadConfig({ TRUST_PROXY: value });

    expect(() => express().set('trust proxy', frameworkProxyTrust(trustProxy))).not.toThrow();
  });

  it('trusts exactly the given number of hops nearest the app', () => {
    const trust = frameworkProxyTrust(2);

    expect(typeof trust === 'function' && [0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('loadConfig: RATE_LIMIT_*', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({}).rateLimits).toEqual({
      register: { max: 10, windowSeconds: 3600 },
      login: { max: 30, windowSeconds: 60 },
      verifyEmail: { max: 20, windowSeconds: 900 },
      verificationEmails: { max: 5, windowSeconds: 3600 },
    });
  });

  it('reads each limit as a count per duration', () => {
    const { rateLimits } = loadConfig({
      RATE_LIMIT_REGISTER: '3/15m',
      RATE_LIMIT_LOGIN: '100/60',
      RATE_LIMIT_VERIFY_EMAIL: '7/30s',
      RATE_LIMIT_VERIFICATION_EMAILS: '2/24h',
    });

    expect(rateLimits).toEqual({
      register: { max: 3, windowSeconds: 900 },
      login: { max: 100, windowSeconds: 60 },
      verifyEmail: { max: 7, windowSeconds: 30 },
      verificationEmails: { max: 2, windowSeconds: 86_400 },
    });
  });

  const NOT_A_RATE = 'must be a count per duration, such as 10/1h or 30/60s';
  const NOTHING_ALLOWED = 'must allow at least 1 request in a window longer than zero';
  it.each([
    ['RATE_LIMIT_REGISTER', '10', NOT_A_RATE],
    ['RATE_LIMIT_LOGIN', '0/1m', NOTHING_ALLOWED],
    ['RATE_LIMIT_VERIFY_EMAIL', '5/0s', NOTHING_ALLOWED],
    ['RATE_LIMIT_VERIFICATION_EMAILS', 'five/1h', NOT_A_RATE],
    ['RATE_LIMIT_LOGIN', 'x10/1m', NOT_A_RATE],
    ['RATE_LIMIT_REGISTER', '10/1mx', NOT_A_RATE],
  ])('refuses %s=%s with one line naming it and the rule', (variable, value, rule) => {
    const load = () => loadConfig({ [variable]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid configuration: ${variable} [^\\n]+$`));
    expect(load).toThrow(`Invalid configuration: ${variable} ${rule}`);
  });
});
