// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const t = e.target;
  if (t instanceof HTMLElement && t.dataset.confirm && !window.confirm(t.dataset.confirm)) e.preventDefault();
});
// A failed submit opens at its error summary (autofocus is not honoured on a non-control by every browser).
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-error-summary]');
  if (!(summary instanceof HTMLElement)) return;
  // An entry without a label names its field by the field's own label (the back-office forms pass none).
  summary.querySelectorAll('a[data-field]').forEach((a) => {
    const label = document.querySelector(`label[for="${a.getAttribute('data-field')}"]`);
    const text = label ? label.textContent.replace(/\s*\*\s*$/, '').trim() : '';
    if (text) a.prepend(`${text}：`);
  });
  if (document.activeElement !== summary) summary.focus();
});
// 适老化 read-aloud: the page's main text through the browser's own speech synthesis, where there is one.
document.addEventListener('DOMContentLoaded', () => {
  const button = document.querySelector('[data-read-aloud]');
  if (!(button instanceof HTMLButtonElement) || !('speechSynthesis' in window)) return;
  button.hidden = false;
  const synth = window.speechSynthesis;
  const stop = () => {
    synth.cancel();
    button.setAttribute('aria-pressed', 'false');
    button.textContent = '朗读正文';
  };
  button.addEventListener('click', () => {
    if (synth.speaking) return stop();
    const main = document.getElementById('main');
    const text = (main ? main.innerText : '').replace(/\s+/g, ' ').trim();
    if (!text) return;
    // Short utterances: some engines stop after about 15 seconds of one long utterance.
    const parts = text.match(/[^。！？；!?;]+[。！？；!?;]?/g) || [text];
    parts.forEach((part, i) => {
      const u = new SpeechSynthesisUtterance(part);
      u.lang = 'zh-CN';
      u.rate = 0.9;
      if (i === parts.length - 1) u.onend = stop;
      synth.speak(u);
    });
    button.setAttribute('aria-pressed', 'true');
    button.textContent = '停止朗读';
  });
  window.addEventListener('pagehide', stop);
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
