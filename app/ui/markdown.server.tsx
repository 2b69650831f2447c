import { renderToStaticMarkup } from "react-dom/server";
import ReactMarkdown, { type Components } from "react-markdown";

// Markdown is rendered here, on the server, and the page gets plain HTML (see ui/markdown.tsx):
// no Markdown library travels to the browser. Safe Markdown only: react-markdown escapes raw HTML
// and drops javascript: links by default, and no rehype-raw is added (see content/parse.ts,
// which also rejects HTML in content files).
const components: Components = {
  h3: ({ children }) => <h3 className="mt-6 text-lg font-semibold">{children}</h3>,
  p: ({ children }) => <p className="mt-3">{children}</p>,
  ul: ({ children }) => <ul className="mt-3 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="mt-3 list-decimal space-y-1 pl-6">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="mt-4 border-l-4 border-brand-600 bg-brand-50 px-4 py-2">{children}</blockquote>
  ),
  a: ({ children, href }) => (
    <a href={href} rel="noreferrer">
      {children}
    </a>
  ),
};

// The texts are the course pages with the site's contacts filled in: a few hundred, the same for
// every employee. Each is rendered once per process (Markdown parsing was the module page's
// largest cost); the bound only guards against an unexpected stream of distinct texts.
const rendered = new Map<string, string>();
const RENDERED_LIMIT = 1000;

/** Safe HTML for a Markdown text, for `<Markdown html={…} />`. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = renderToStaticMarkup(<ReactMarkdown components={components}>{markdown}</ReactMarkdown>);
    if (rendered.size >= RENDERED_LIMIT) rendered.clear();
    rendered.set(markdown, html);
  }
  return html;
}
