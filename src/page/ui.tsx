import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export function CopyButton({ text, label = 'Copy', testId }: { text: string; label?: string; testId?: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Plain http on a non-loopback name has no clipboard API: select-and-copy still works.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1200);
  };
  return (
    <button
      type="button"
      class={`copy ${done ? 'done' : ''}`}
      onClick={() => void copy()}
      data-copy={text}
      data-testid={testId}
      title="Copy to clipboard"
    >
      {done ? 'Copied' : label}
    </button>
  );
}

/** A value one may copy: shown in monospace with its copy button. */
export function Copyable({ value, testId }: { value: string; testId?: string }) {
  return (
    <span class="copyable">
      <code title={value}>{value}</code>
      <CopyButton text={value} testId={testId} />
    </span>
  );
}

export function CodeBlock({ code, testId }: { code: string; testId?: string }) {
  return (
    <div class="codeblock">
      <pre data-testid={testId}>{code}</pre>
      <CopyButton text={code} />
    </div>
  );
}

export function Json({ value }: { value: unknown }) {
  return <pre class="json">{typeof value === 'string' ? value : JSON.stringify(value, null, 2)}</pre>;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

export const statusClass = (status: number) => (status === 0 ? 's0' : `s${Math.floor(status / 100)}`);
