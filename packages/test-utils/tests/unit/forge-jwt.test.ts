// Unit tests for the token forger the auth suites use to attack the apps.
import { createHmac } from 'node:crypto';
import { bearer, epochSeconds, forgeJwt } from '../../src';

const decode = (part: string | undefined) =>
  JSON.parse(Buffer.from(part ?? '', 'base64url').toString()) as unknown;

describe('forgeJwt', () => {
  it('signs HS256 tokens that verify with the secret', () => {
    const token = forgeJwt({ payload: { sub: 'u1' }, secret: 'k' });
    const [header, payload, signature] = token.split('.');

    expect(decode(header)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decode(payload)).toEqual({ sub: 'u1' });
    expect(signature).toBe(
      createHmac('sha256', 'k').update(`${header}.${payload}`).digest('base64url'),
    );
  });

  it('makes an unsigned alg:none token', () => {
    const token = forgeJwt({ payload: { sub: 'u1' }, header: { alg: 'none' } });

    expect(decode(token.split('.')[0])).toEqual({ alg: 'none', typ: 'JWT' });
    expect(token.endsWith('.')).toBe(true);
  });
});

describe('epochSeconds', () => {
  it('counts whole seconds, as exp and iat do', () => {
    expect(epochSeconds(new Date('1970-01-01T00:00:01.999Z'))).toBe(1);
  });
});

describe('bearer', () => {
  it('makes the Authorization header', () => {
    expect(bearer('abc')).toEqual({ Authorization: 'Bearer abc' });
  });
});
