import { expect, it } from 'vitest';
import { emailAddress } from '@/lib/auth/email';

it('accepts the default admin@localhost and normalises case and spaces', () => {
  expect(emailAddress.parse('admin@localhost')).toBe('admin@localhost');
  expect(emailAddress.parse('  Owner@Example.COM ')).toBe('owner@example.com');
});

it('refuses what is not an address', () => {
  for (const bad of ['', 'admin', '@host', 'a b@c', 'a@b@c'])
    expect(emailAddress.safeParse(bad).success, bad).toBe(false);
});
