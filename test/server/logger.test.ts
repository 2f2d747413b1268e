// A silent server's logger is made on first use; until then its stand-in must act as the logger.
import { describe, expect, it } from 'vitest';
import { serverLogger } from '../../src/server/logger.js';

const collect = () => {
  const lines: Record<string, unknown>[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
};

describe('serverLogger', () => {
  it('a silent logger logs nothing until its level is raised, then logs as pino does', () => {
    const { lines, stream } = collect();
    const log = serverLogger('silent', stream);
    expect(log.isLevelEnabled('info')).toBe(false);
    log.error({ err: new Error('x') }, 'unheard');
    expect(lines).toEqual([]);
    log.level = 'info';
    expect(log.level).toBe('info');
    log.info({ a: 1 }, 'heard');
    expect(lines).toMatchObject([{ level: 30, a: 1, msg: 'heard' }]);
  });

  it("a child of the stand-in keeps its own level and bindings, not its parent's", () => {
    const { lines, stream } = collect();
    const log = serverLogger('silent', stream);
    const child = log.child({ part: 'door' }, { level: 'warn' });
    expect(child.level).toBe('warn');
    expect(log.level).toBe('silent');
    child.warn('from the child');
    log.warn('from the parent');
    expect(lines).toMatchObject([{ level: 40, part: 'door', msg: 'from the child' }]);
  });

  it('a logger that logs is pino itself', () => {
    const { lines, stream } = collect();
    const log = serverLogger('info', stream);
    log.info('plain');
    expect(lines).toMatchObject([{ level: 30, msg: 'plain' }]);
  });
});
