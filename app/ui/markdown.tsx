/**
 * Shows Markdown that the loader rendered with `renderMarkdown` (ui/markdown.server.tsx). The HTML
 * comes only from that safe pipeline, never from what a user typed unrendered.
 */
export function Markdown({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: made by renderMarkdown on the server, which escapes raw HTML
  return <div className="max-w-prose break-words" dangerouslySetInnerHTML={{ __html: html }} />;
}
