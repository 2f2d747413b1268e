import { createServer } from 'node:net';

/** A free port on 127.0.0.1, for a child process that cannot be told to pick its own (tests, bench). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
