import pino, { type LevelWithSilent, type Logger } from 'pino';
import type { LogStream } from './log-lines.js';

/**
 * The server's pino logger. A silent one is made on first use (a read, a call or a write of any
 * of its members: a test's server logs nothing, so it never loads pino); until then a Proxy
 * stands in, passing every member on to the real logger, as it (or a child made of it) would.
 */
export function serverLogger(level: LevelWithSilent, stream: LogStream | undefined): Logger {
  const options = { level, base: undefined };
  // pino's own fast standard output unless the caller gives a stream.
  const make = (): Logger =>
    stream ? pino(options, { write: (line: string) => void stream.write(line) }) : pino(options);
  if (level !== 'silent') return make();
  let real: Logger | undefined;
  const logger = () => (real ??= make());
  // The real logger is `this` for its own getters and setters; a child (Object.create of it) stays itself.
  const self = (receiver: unknown) => (receiver === standIn ? logger() : receiver);
  // Asking whether a level logs is not logging: a silent logger not yet made answers no itself
  // (the server asks once at start to decide whether to log requests).
  const notLogging = () => false;
  const standIn: Logger = new Proxy({} as Logger, {
    get: (_, key, receiver): unknown =>
      key === 'isLevelEnabled' && !real ? notLogging : Reflect.get(logger(), key, self(receiver)),
    set: (_, key, value, receiver) => Reflect.set(logger(), key, value, self(receiver)),
    has: (_, key) => key in logger(),
    getPrototypeOf: () => Reflect.getPrototypeOf(logger()),
    ownKeys: () => Reflect.ownKeys(logger()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(logger(), key);
      // A Proxy may not report a member its target lacks as fixed.
      return d && { ...d, configurable: true };
    },
  });
  return standIn;
}
