// 村级公开 phone form: saves the draft as you go (progressive enhancement; the form posts normally without it).
(function () {
  var form = document.querySelector('form[data-autosave]');
  if (!form) return;
  var state = document.querySelector('.vd-save-state');
  var timer = null;
  var busy = false;
  var dirty = false;
  function save() {
    if (busy) {
      dirty = true;
      return;
    }
    busy = true;
    dirty = false;
    var data = new window.FormData(form);
    data.delete('_addRow');
    if (state) state.textContent = '正在保存…';
    window
      .fetch(form.getAttribute('data-autosave'), {
        method: 'POST',
        body: data,
        headers: { 'X-Requested-With': 'autosave' },
      })
      .then(function (r) {
        return r.json().then(function (j) {
          return { ok: r.ok, j: j };
        });
      })
      .then(function (res) {
        if (res.ok && res.j.version) {
          form.querySelector('input[name="version"]').value = res.j.version;
          if (state) state.textContent = '草稿已自动保存 ' + res.j.savedAt;
        } else if (state) state.textContent = '未能自动保存：' + (res.j.message || '请点“保存草稿”');
      })
      .catch(function () {
        if (state) state.textContent = '网络不畅，稍后自动重试；内容仍在本页';
        dirty = true;
      })
      .then(function () {
        busy = false;
        if (dirty) schedule();
      });
  }
  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 1500);
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
})();
