import type { ComponentChildren } from 'preact';

// The little markdown the specs and the scenario catalog write: `code`, **bold**, *em*,
// [links](https://…), paragraphs. Rendered to elements, never to an HTML string, so text
// cannot become markup whatever it holds; a link that is not http(s) stays text.
const inline = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*\s][^*]*)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function renderInline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(inline)) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    const [whole, code, bold, em, label, href] = m;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (bold !== undefined) out.push(<strong>{renderInline(bold)}</strong>);
    else if (em !== undefined) out.push(<em>{renderInline(em)}</em>);
    else if (label !== undefined && href !== undefined && /^https?:\/\//i.test(href))
      out.push(
        <a href={href} target="_blank" rel="noopener noreferrer">
          {label}
        </a>,
      );
    else out.push(whole);
    last = at + whole.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Markdown text as paragraphs of inline markup. */
export function Markdown({ text, class: cls }: { text: string; class?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div class={`markdown ${cls ?? ''}`}>
      {paragraphs.map((p) => (
        <p>{renderInline(p.replace(/\s*\n\s*/g, ' ').trim())}</p>
      ))}
    </div>
  );
}
