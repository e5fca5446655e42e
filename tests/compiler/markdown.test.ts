import { describe, expect, it } from 'vitest';
import { renderInlineMarkdown, renderMarkdown } from '../../src/compiler/markdown.ts';

describe('content Markdown', () => {
  it('renders emphasis, lists and links', () => {
    expect(renderMarkdown('A *seen* child is **not** a safe child.\n\n- one\n- two').html).toBe(
      '<p>A <em>seen</em> child is <strong>not</strong> a safe child.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
    );
    expect(renderInlineMarkdown('[NSPCC](https://www.nspcc.org.uk/)').html).toBe(
      '<a href="https://www.nspcc.org.uk/" target="_blank" rel="noopener noreferrer">NSPCC</a>',
    );
  });

  it('escapes raw HTML, so a script or an event handler in content is only text', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
  });

  it('drops javascript: and data: links', () => {
    expect(renderInlineMarkdown('[click](javascript:alert(1))').html).not.toContain('href');
    expect(renderInlineMarkdown('[click](data:text/html;base64,PHNjcmlwdD4=)').html).not.toContain(
      'href',
    );
  });

  it('gives plain text for labels and LMS descriptions', () => {
    expect(renderMarkdown('Think *sibling*:\n\n- pre-school\n- older').text).toBe(
      'Think sibling: pre-school older',
    );
  });
});
