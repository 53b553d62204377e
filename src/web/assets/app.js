// Progressive enhancement only: every page works without this file.
document.addEventListener('click', (e) => {
  const t = e.target;
  if (t instanceof HTMLElement && t.dataset.confirm && !window.confirm(t.dataset.confirm)) e.preventDefault();
});
