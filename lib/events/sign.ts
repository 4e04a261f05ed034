import { createHmac } from 'node:crypto';

/** `X-Kura-Signature`: `sha256=` + hex HMAC-SHA256 of the raw body with the webhook's secret. */
export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
