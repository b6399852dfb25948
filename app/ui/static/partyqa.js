// partyqa chat UI: a citation [n] opens its source passage under the same answer;
// the copy button of an answer copies its text and its numbered sources.
(function () {
  if (window.__partyqaChat) { return; }
  window.__partyqaChat = true;

  function openSource(link) {
    var msg = link.closest('.pq-msg');
    if (!msg) { return; }
    var n = link.getAttribute('data-n');
    var target = null;
    msg.querySelectorAll('details.source').forEach(function (d) {
      var hit = d.getAttribute('data-n') === n;
      d.classList.toggle('active', hit);
      if (hit) { d.open = true; target = d; }
    });
    if (target) {
      var mark = target.querySelector('mark.cited') || target;
      mark.scrollIntoView({block: 'nearest'});
      target.scrollIntoView({block: 'nearest'});
    }
  }

  function answerText(msg) {
    var lines = [];
    var a = msg.querySelector('.pq-a');
    if (a) { lines.push(a.innerText.trim()); }
    var sources = msg.querySelectorAll('details.source');
    if (sources.length) {
      lines.push('');
      var heading = msg.querySelector('.pq-sources .pq-heading');
      lines.push((heading ? heading.firstChild.textContent : '来源') + '：');
      sources.forEach(function (d) {
        var s = d.querySelector('summary');
        var meta = d.querySelector('.meta');
        lines.push(s.innerText.replace(/\s+/g, ' ').trim() + (meta ? '（' + meta.innerText.trim() + '）' : ''));
      });
    }
    return lines.join('\n');
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try { document.execCommand('copy'); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  document.addEventListener('click', function (ev) {
    var el = ev.target && ev.target.closest ? ev.target : null;
    if (!el) { return; }
    var cite = el.closest('a.cite');
    if (cite) {
      ev.preventDefault();
      ev.stopPropagation();
      openSource(cite);
      return;
    }
    var copy = el.closest('button.pq-copy');
    if (copy) {
      ev.preventDefault();
      ev.stopPropagation();
      var msg = copy.closest('.pq-msg');
      copyText(answerText(msg)).then(function () {
        copy.textContent = '已复制';
        copy.classList.add('done');
        setTimeout(function () { copy.textContent = '复制'; copy.classList.remove('done'); }, 1500);
      }, function () { copy.textContent = '复制失败'; });
    }
  }, true);
})();
