import { isValidElement, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { replayCurl } from '../../src/page/curl.js';
import type { JournalEntry } from '../../src/page/control.js';
import { Markdown } from '../../src/page/markdown.js';

/** Every element of a vnode tree as [type, props], and its text. */
function walk(
  node: unknown,
  out: { types: string[]; text: string[]; props: Record<string, unknown>[] } = { types: [], text: [], props: [] },
) {
  if (typeof node === 'string' || typeof node === 'number') out.text.push(String(node));
  else if (Array.isArray(node)) for (const n of node) walk(n, out);
  else if (isValidElement(node)) {
    const v = node as VNode<Record<string, unknown>>;
    if (typeof v.type === 'function') walk((v.type as (p: unknown) => unknown)(v.props), out);
    else {
      out.types.push(String(v.type));
      out.props.push(v.props);
      walk(v.props.children, out);
    }
  }
  return out;
}

describe('Markdown in scenario descriptions', () => {
  it('renders code, bold, emphasis and http links as elements', () => {
    const r = walk(
      Markdown({
        text: 'delays by `ms`, **always**, *maybe*; see [the RFC](https://www.rfc-editor.org/rfc/rfc7240)\n\nsecond',
      }),
    );
    expect(r.types).toEqual(['div', 'p', 'code', 'strong', 'em', 'a', 'p']);
    expect(r.text.join('')).not.toContain('`');
    expect(r.props.find((p) => p.href)?.rel).toBe('noopener noreferrer');
  });

  it('keeps markup in the text as text: no element, no raw HTML, no javascript: link', () => {
    const r = walk(Markdown({ text: '<img src=x onerror=alert(1)> `<script>` [click](javascript:alert(1))' }));
    expect(r.types).toEqual(['div', 'p', 'code']);
    expect(r.text.join('')).toContain('<img src=x onerror=alert(1)>');
    expect(r.text.join('')).toContain('[click](javascript:alert(1))');
    expect(r.props.some((p) => 'dangerouslySetInnerHTML' in p)).toBe(false);
  });
});

describe('the replay curl', () => {
  const entry = (over: Partial<JournalEntry>): JournalEntry => ({
    seq: 1,
    at: '2026-01-01T00:00:00Z',
    session: 'default',
    method: 'GET',
    url: '/leadconduit/connections',
    status: 200,
    durationMs: 1,
    ...over,
  });
  it('carries the scenarios that acted as a Prefer header', () => {
    expect(replayCurl(entry({ scenarios: ['sso-outage', 'latency'] }), 'http://127.0.0.1:4010')).toContain(
      `-H 'Prefer: scenario=sso-outage, scenario=latency'`,
    );
  });
  it('adds none when none acted, and does not repeat one the request already preferred', () => {
    expect(replayCurl(entry({ scenarios: [] }), 'http://x')).not.toContain('Prefer');
    const sent = replayCurl(
      entry({ scenarios: ['latency'], request: { headers: { prefer: 'scenario=latency; ms=5' } } }),
      'http://x',
    );
    expect(sent.match(/Prefer/gi)).toHaveLength(1);
    expect(sent).toContain('scenario=latency; ms=5');
  });
});
