/**
 * Puts the relay together (store, app, notifier, retention) and, with
 * `startRelay`, serves it over HTTP with @hono/node-server.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { RelayConfig } from './config.js';
import { openStore, type Store } from './store.js';
import { createApp } from './app.js';
import { Notifier } from './notify.js';
import { createLog, type Log } from './log.js';
import { RateLimits } from './rate-limit.js';

export interface RelayOptions {
  /** Unix seconds. */
  now?: () => number;
  log?: Log;
  /** First pause before a failed notification is retried, in seconds (doubles each time). */
  notifyRetrySeconds?: number;
  /** How often due notifications and retention run, in milliseconds. */
  tickMs?: number;
}

export interface Relay {
  app: Hono;
  /** The rate limiters (the flood benchmark reads their size). */
  limits: RateLimits;
  store: Store;
  notifier: Notifier;
  /** The Node request listener, for a server of your own. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Runs retention and due notifications now (the timer does it regularly). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

export async function createRelay(config: RelayConfig, options: RelayOptions = {}): Promise<Relay> {
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const log = options.log ?? createLog(config.log);
  const store = await openStore(config.database, { timeZone: config.timeZone });
  await store.retryNotificationsNow(now());
  const notifier = new Notifier(config, store, log, options.notifyRetrySeconds ?? 30);
  const limits = new RateLimits(config.rateLimitIpv6Prefix);
  const app = createApp({ config, store, log, now, limits, onStored: () => void notifier.run(now) });
  const tick = async () => {
    // Here, not on a request: a flood of new clients must not make each request scan the limiters.
    limits.prune(now());
    try {
      const deleted = await store.applyRetention(now(), config.retentionDays);
      if (deleted) log.info(`retention: ${deleted} conversation(s) deleted`);
    } catch (error) {
      log.error(`retention failed: ${(error as Error).message}`);
    }
    await notifier.run(now);
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 15_000);
  timer.unref();
  void tick();
  return {
    app,
    limits,
    store,
    notifier,
    listener: getRequestListener(app.fetch),
    tick,
    async close() {
      clearInterval(timer);
      await notifier.run(now).catch(() => {});
      notifier.close();
      await store.close();
    },
  };
}

export interface RunningRelay extends Relay {
  server: Server;
  url: string;
}

export async function startRelay(config: RelayConfig, options: RelayOptions = {}): Promise<RunningRelay> {
  const relay = await createRelay(config, options);
  const server = createServer(relay.listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    ...relay,
    server,
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await relay.close();
    },
  };
}
