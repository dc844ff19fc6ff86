// Unit test: which Content-Types the app reads as JSON (src/app.ts), the same rule in both
// apps: application/json in UTF-8. The contract checks what a request of each kind gets.
// See docs/api-contract.md.
import { isUtf8Json } from '../../src/app';

describe('isUtf8Json', () => {
  it.each([
    'application/json',
    'Application/JSON; Charset="UTF-8"',
    'application/json; charset=utf-8',
    'application/json; foo=bar',
    'application/json; foo=bar; charset=utf-8',
  ])('reads %s as JSON', (contentType) => {
    expect(isUtf8Json(contentType)).toBe(true);
  });

  it.each([
    'text/plain',
    'application/jsonx',
    'application/json; charset=latin1',
    'application/json; foo=bar; charset=utf-16',
  ])('does not read %s as JSON', (contentType) => {
    expect(isUtf8Json(contentType)).toBe(false);
  });
});
