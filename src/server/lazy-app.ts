import type { ConnkitApp } from './app.js';
import type { StreamGauge } from './journal-stream-limits.js';

const noStreams = (): StreamGauge => ({ open: 0, buffered: 0, dropped: 0 });

/**
 * The Express app, made on its first use: a request for connkit's own paths (page, control,
 * specs) or a look at the app itself. Vendor requests never reach it, so a start whose first
 * requests are the APIs' answers them without building the page's routers; the CLI's bundle
 * also loads Express itself only then. Until it exists no journal stream can be open.
 */
export function lazyApp(make: () => ConnkitApp): ConnkitApp {
  let real: ConnkitApp | undefined;
  const app = () => (real ??= make());
  // A function as the target, so the stand-in is callable as the app is.
  return new Proxy((() => undefined) as unknown as ConnkitApp, {
    apply: (_, self, args: Parameters<ConnkitApp>): unknown => Reflect.apply(app(), self, args),
    get: (_, key): unknown => (key === 'journalStreams' && !real ? noStreams : Reflect.get(app(), key)),
    set: (_, key, value) => Reflect.set(app(), key, value),
    has: (_, key) => key in app(),
  });
}
