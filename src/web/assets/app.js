// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const t = e.target;
  if (t instanceof HTMLElement && t.dataset.confirm && !window.confirm(t.dataset.confirm)) e.preventDefault();
});
// A failed submit opens at its error summary (autofocus is not honoured on a non-control by every browser).
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('[data-error-summary]');
  if (summary instanceof HTMLElement && document.activeElement !== summary) summary.focus();
});
