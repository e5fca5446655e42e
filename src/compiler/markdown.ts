import MarkdownIt from 'markdown-it';
import type { RichText } from '../model/course.ts';

/**
 * Content Markdown → safe HTML, at build time. Raw HTML in content is escaped, never passed through
 * (`html: false`), and markdown-it drops `javascript:`, `vbscript:`, `file:` and `data:` links, so a
 * `<script>` or an `onerror=` typed into a content file reaches the page as visible text and cannot
 * run. The views insert this HTML as is; nothing else may produce it.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });

// Links leave the course: open them in a new tab so the LMS session is not lost.
markdown.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  token?.attrSet('target', '_blank');
  token?.attrSet('rel', 'noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

export function renderMarkdown(source: string): RichText {
  const trimmed = source.trim();
  return { html: markdown.render(trimmed).trim(), text: plainText(trimmed) };
}

/** Single-line Markdown (an option, a list item) without the wrapping paragraph. */
export function renderInlineMarkdown(source: string): RichText {
  const trimmed = source.trim();
  return { html: markdown.renderInline(trimmed), text: plainText(trimmed) };
}

function plainText(source: string): string {
  const words: string[] = [];
  for (const block of markdown.parse(source, {})) {
    for (const token of block.children ?? []) {
      if (token.type === 'text' || token.type === 'code_inline') words.push(token.content);
      if (token.type === 'softbreak' || token.type === 'hardbreak') words.push(' ');
    }
    if (block.type === 'paragraph_close' || block.type === 'list_item_close') words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}
