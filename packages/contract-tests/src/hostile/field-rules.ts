/**
 * The contract's rules for each body field (docs/api-contract.md), written apart from the
 * apps: a generated body that breaks one of them must not be accepted. They check the
 * limits a client can read in the contract, not every detail (an email only needs an `@`).
 */
export type FieldRule = (value: unknown) => boolean;

const text =
  (min: number, max: number, trim = false): FieldRule =>
  (value) => {
    if (typeof value !== 'string') return false;
    const length = (trim ? value.trim() : value).length;
    return length >= min && length <= max;
  };

const name = text(1, 100, true);
const email: FieldRule = (value) => text(3, 320, true)(value) && String(value).includes('@');
const password = text(8, 128);
const role: FieldRule = (value) => value === 'user' || value === 'admin';

export const USER_RULES = { name, email, password };
export const CREATE_USER_RULES = {
  ...USER_RULES,
  role,
  emailVerified: (value: unknown) => typeof value === 'boolean',
};
export const UPDATE_USER_RULES = { name, email, role };
// Login checks only the shape: any non-empty email, a password of up to 1024 characters.
export const LOGIN_RULES = { email: text(1, 320, true), password: text(1, 1024) };
export const VERIFY_RULES = { token: text(1, 512) };

/** Whether the body is an object whose every field is known and keeps its rule. */
export function keepsRules(body: unknown, rules: Record<string, FieldRule>): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const entries = Object.entries(body);
  return (
    entries.length > 0 &&
    entries.every(([key, value]) => Object.hasOwn(rules, key) && rules[key]?.(value) === true)
  );
}
