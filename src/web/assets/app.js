// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const t = e.target;
  if (t instanceof HTMLElement && t.dataset.confirm && !window.confirm(t.dataset.confirm)) e.preventDefault();
});

// "复制正文": copy one element's content only (the WeChat article), as HTML and plain text, so pasting into the
// 公众号 editor keeps its inline styles. Without the Clipboard API, select the element and copy the selection.
for (const button of document.querySelectorAll('button[data-copy]')) {
  const target = document.getElementById(button.dataset.copy);
  const status = document.querySelector(`[data-copy-status="${button.dataset.copy}"]`);
  if (!target) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const say = (t) => {
      if (status) status.textContent = t;
    };
    try {
      if (navigator.clipboard && window.ClipboardItem) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([target.innerHTML], { type: 'text/html' }),
            'text/plain': new Blob([target.innerText], { type: 'text/plain' }),
          }),
        ]);
      } else {
        const range = document.createRange();
        range.selectNodeContents(target);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        if (!document.execCommand('copy')) throw new Error('copy refused');
        sel.removeAllRanges();
      }
      say('已复制正文，可粘贴到公众号编辑器');
    } catch {
      say('浏览器不允许自动复制，请在下方正文区全选后复制');
    }
  });
}
