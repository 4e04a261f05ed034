import { z } from 'zod';

/**
 * An email address as members log in with it: trimmed, lowercased, something@host. Deliberately
 * looser than zod's `email()`, which refuses the default `admin@localhost`.
 */
export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+$/, 'Enter an email address such as name@example.com')
  .max(254);
