import { describe, expect, it } from 'vitest';
import { RICH_HTML_MAX_LENGTH, sanitizeRichHtml } from '@/lib/content/sanitize-rich-html';

describe('sanitizeRichHtml', () => {
  it('keeps the markup the editor writes unchanged', () => {
    for (const html of [
      '<p><strong>a</strong></p>',
      '<p>a<br>b <em>c</em> <u>d</u> <s>e</s> <code>f</code></p>',
      '<h2>Title</h2><h3>Sub</h3><blockquote><p>q</p></blockquote><hr><pre><code>x &lt; y</code></pre>',
      '<img src="https://x/y.png" alt="a" width="10" height="20">',
      '<img src="/assets/local/abc/y.png" alt="">',
      '<p><a href="https://example.com/a?b=1&amp;c=2" title="t">link</a> <a ' +
        'href="mailto:a@example.com">mail</a> <a href="/assets/x.pdf">file</a></p>',
    ]) {
      expect(sanitizeRichHtml(html)).toBe(html);
    }
  });

  it('keeps the text of markup the editor cannot hold (tables, figures) but not the markup', () => {
    expect(sanitizeRichHtml('<figure><img src="https://x/y.png" alt="a"><figcaption>cap</figcaption></figure>')).toBe(
      '<img src="https://x/y.png" alt="a">cap',
    );
    expect(sanitizeRichHtml('<table><tr><td>d</td></tr></table>')).toBe('d');
  });

  it('keeps nested lists', () => {
    const html = '<ul><li><p>a</p><ol><li><p>b</p><ul><li>c</li></ul></li></ol></li><li>d</li></ul>';
    expect(sanitizeRichHtml(html)).toBe(html);
  });

  it('drops script and style elements with their text', () => {
    expect(sanitizeRichHtml('<p>a</p><script>alert(1)</script><style>p{color:red}</style><p>b</p>')).toBe(
      '<p>a</p><p>b</p>',
    );
    expect(sanitizeRichHtml('<p>a<iframe src="https://evil.example"></iframe></p>')).toBe('<p>a</p>');
  });

  it('removes event handlers and style attributes', () => {
    expect(sanitizeRichHtml('<img src="https://x/y.png" alt="a" onerror="alert(1)">')).toBe(
      '<img src="https://x/y.png" alt="a">',
    );
    expect(sanitizeRichHtml('<p style="color:red" onClick="x()" class="c" id="i">a</p>')).toBe('<p>a</p>');
  });

  it('unwraps unknown tags but keeps their text', () => {
    expect(sanitizeRichHtml('<p><span>a</span><font color="red">b</font></p><div>c</div>')).toBe('<p>ab</p>c');
  });

  it('removes javascript: and other unsafe link URLs', () => {
    expect(sanitizeRichHtml('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeRichHtml('<a href=" JaVa&#x09;ScRiPt:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(sanitizeRichHtml('<a href="data:text/html,<script>alert(1)</script>">x</a>')).toBe('<a>x</a>');
    expect(sanitizeRichHtml('<a href="vbscript:x">x</a>')).toBe('<a>x</a>');
  });

  it('removes data:, javascript: and protocol-relative image sources', () => {
    for (const src of [
      'data:image/png;base64,AAAA',
      'javascript:alert(1)',
      '//evil.example/x.png',
      '/\\evil.example/x.png',
      '\\\\evil.example/x.png',
      'mailto:a@b.c',
    ]) {
      expect(sanitizeRichHtml(`<img src="${src}" alt="a">`)).toBe('<img alt="a">');
    }
  });

  it('drops image sizes that are not positive integers', () => {
    expect(sanitizeRichHtml('<img src="https://x/y.png" width="abc" height="20">')).toBe(
      '<img src="https://x/y.png" height="20">',
    );
    for (const bad of ['0', '-5', '10.5', '10px', '']) {
      expect(sanitizeRichHtml(`<img src="https://x/y.png" width="${bad}">`)).toBe('<img src="https://x/y.png">');
    }
  });

  it('adds rel="noopener noreferrer" to links opening a new window', () => {
    expect(sanitizeRichHtml('<a href="https://x" target="_blank">x</a>')).toBe(
      '<a href="https://x" target="_blank" rel="noopener noreferrer">x</a>',
    );
    expect(sanitizeRichHtml('<a href="https://x" target="_BLANK" rel="nofollow">x</a>')).toBe(
      '<a href="https://x" target="_blank" rel="nofollow noopener noreferrer">x</a>',
    );
  });

  it('drops targets other than _blank', () => {
    expect(sanitizeRichHtml('<a href="https://x" target="other">x</a>')).toBe('<a href="https://x">x</a>');
  });

  it('escapes text so nothing becomes markup', () => {
    expect(sanitizeRichHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; a /> b</p>')).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; a /&gt; b</p>',
    );
  });

  it('is stable when run twice', () => {
    const dirty =
      '<p onclick="x">a<img src="https://x/y.png" width="3" height="abc"><a href="https://x" target="_blank">b</a></p>';
    const once = sanitizeRichHtml(dirty);
    expect(sanitizeRichHtml(once)).toBe(once);
  });

  it('caps rich HTML at a million characters', () => {
    expect(RICH_HTML_MAX_LENGTH).toBe(1_000_000);
  });
});
