// partyqa chat UI: clicking a citation [n] opens and highlights its source passage.
(function () {
  if (window.__partyqaCite) { return; }
  window.__partyqaCite = true;
  function showSource(turn, n) {
    var panel = document.getElementById('sources');
    if (!panel) { return; }
    panel.querySelectorAll('.source-group').forEach(function (g) {
      g.hidden = g.getAttribute('data-turn') !== turn;
    });
    var target = null;
    panel.querySelectorAll('details.source').forEach(function (d) {
      var hit = d.getAttribute('data-turn') === turn && d.getAttribute('data-n') === n;
      d.open = hit || (d.open && d.getAttribute('data-turn') === turn);
      d.classList.toggle('active', hit);
      if (hit) { target = d; }
    });
    if (target) { target.scrollIntoView({behavior: 'smooth', block: 'nearest'}); }
  }
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a.cite') : null;
    if (!a) { return; }
    ev.preventDefault();
    showSource(a.getAttribute('data-turn'), a.getAttribute('data-n'));
  }, true);
})();
