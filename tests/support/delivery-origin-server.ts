import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { KuraServer } from './kura-server';
import { startReceiver, type Receiver } from './receiver';

/** A server of its own with a delivery origin, a webhook receiver, and a request context for each origin. */
export type DeliveryOriginServer = {
  server: KuraServer;
  receiver: Receiver;
  /** The main port (admin, API, and `/assets` as always). */
  main: APIRequestContext;
  /** The delivery listener (`KURA_DELIVERY_PORT`), at `deliveryURL`. */
  delivery: APIRequestContext;
  deliveryURL: string;
  close(): Promise<void>;
};

/**
 * Starts `next start` on `port` with `KURA_DELIVERY_URL` and `KURA_DELIVERY_PORT` set to `deliveryPort`, media
 * webhooks sent to a receiver of its own, on a fresh data dir `tests/.tmp/{name}-data`; `env` adds to or overrides it.
 */
export async function startDeliveryOrigin(
  name: string,
  port: number,
  deliveryPort: number,
  env: Record<string, string> = {},
): Promise<DeliveryOriginServer> {
  const deliveryURL = `http://127.0.0.1:${deliveryPort}`;
  const receiver = await startReceiver();
  const server = new KuraServer(path.join(__dirname, `../.tmp/${name}-data`), port, {
    KURA_DELIVERY_URL: deliveryURL,
    KURA_DELIVERY_PORT: String(deliveryPort),
    KURA_MEDIA_WEBHOOK_URL: receiver.url,
    KURA_WEBHOOK_SECRET: `${name}-secret-0123`,
    ...env,
  });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
  await server.start();
  const main = await playwrightRequest.newContext({ baseURL: server.baseURL });
  const delivery = await playwrightRequest.newContext({ baseURL: deliveryURL });
  return {
    server,
    receiver,
    main,
    delivery,
    deliveryURL,
    async close() {
      await main.dispose();
      await delivery.dispose();
      await server.kill('SIGTERM');
      await receiver.close();
    },
  };
}
