// partyqa chat UI: a citation [n] opens its source passage under the same answer;
// the copy button of an answer copies its text and its numbered sources.
(function () {
  if (window.__partyqaChat) { return; }
  window.__partyqaChat = true;

  // The passage a reader opened, kept open for a moment: Gradio may render the chat again
  // right after the click (the stored conversation, a late stream event), which would close
  // it and lose its scroll position.
  var opened = null;
  function reopen() {
    if (!opened || Date.now() > opened.until) { opened = null; return; }
    var msg = document.querySelector('#chatbot .pq-msg[data-turn="' + opened.turn + '"]');
    var link = msg && msg.querySelector('a.cite[data-n="' + opened.n + '"]');
    var open = msg && msg.querySelector('details.source.active[data-n="' + opened.n + '"][open]');
    if (link && !open) { openSource(link, true); }
  }
  function watchChat() {
    var chat = document.getElementById('chatbot');
    if (chat && !chat.__pqReopen) {
      chat.__pqReopen = true;
      new MutationObserver(function () { if (opened) { requestAnimationFrame(reopen); } })
        .observe(chat, {subtree: true, childList: true});
    }
  }

  function openSource(link, again) {
    var msg = link.closest('.pq-msg');
    if (!msg) { return; }
    var n = link.getAttribute('data-n');
    if (!again) {
      opened = {turn: msg.getAttribute('data-turn'), n: n, until: Date.now() + 3000};
      watchChat();
    }
    var target = null;
    msg.querySelectorAll('details.source').forEach(function (d) {
      var hit = d.getAttribute('data-n') === n;
      d.classList.toggle('active', hit);
      if (hit) { d.open = true; target = d; }
    });
    if (target) {
      // Again on the next frames and a little later: opening the passage resizes the chat, and
      // the chat's own scroll-to-end may react to that after this handler, even some time after.
      var show = function () { (target.querySelector('mark.cited') || target).scrollIntoView({block: 'nearest'}); };
      show();
      requestAnimationFrame(function () { show(); requestAnimationFrame(show); });
      [150, 400, 800].forEach(function (ms) { setTimeout(show, ms); });
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
        var title = d.querySelector('summary').textContent.replace(/\s+/g, ' ').trim();
        var meta = (d.querySelector('.meta') || {}).textContent || '';  // textContent: also when closed
        lines.push(title + (meta.trim() ? '（' + meta.trim() + '）' : ''));
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

  // After a question is sent, keep its answer in view: the chat scrolls to its end, but never
  // past the question, so a long answer is read from its start. Any scrolling, click or touch
  // of the reader in the chat stops this until the next question.
  var following = false;
  function scroller() {
    var chat = document.getElementById('chatbot');
    if (!chat) { return null; }
    var all = chat.querySelectorAll('*');
    for (var i = 0; i < all.length; i++) {
      var oy = getComputedStyle(all[i]).overflowY;
      if ((oy === 'auto' || oy === 'scroll') && all[i].querySelector('.pq-q, .pq-msg')) { return all[i]; }
    }
    return null;
  }
  function follow() {
    var box = following ? scroller() : null;
    if (!box) { return; }
    if (!box.__pqFollow) {
      box.__pqFollow = true;
      box.addEventListener('scroll', function () { if (following) { requestAnimationFrame(follow); } });
    }
    var questions = box.querySelectorAll('.pq-q');
    var target = box.scrollHeight - box.clientHeight;
    if (questions.length) {
      var q = questions[questions.length - 1];
      var top = box.scrollTop + q.getBoundingClientRect().top - box.getBoundingClientRect().top - 8;
      target = Math.min(target, Math.max(0, top));
    }
    if (Math.abs(box.scrollTop - target) > 1) { box.scrollTop = target; }
  }
  function startFollowing() {
    following = true;
    var chat = document.getElementById('chatbot');
    if (chat && !chat.__pqObserved) {
      chat.__pqObserved = true;
      new MutationObserver(function () { if (following) { requestAnimationFrame(follow); } })
        .observe(chat, {subtree: true, childList: true, characterData: true});
      ['wheel', 'touchstart', 'mousedown', 'keydown'].forEach(function (name) {
        chat.addEventListener(name, function () { following = false; }, {passive: true, capture: true});
      });
    }
  }
  document.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && !ev.shiftKey && ev.target && ev.target.closest && ev.target.closest('#question')) {
      startFollowing();
    }
  }, true);

  document.addEventListener('click', function (ev) {
    var el = ev.target && ev.target.closest ? ev.target : null;
    if (!el) { return; }
    if (el.closest('#send') || (el.closest('#chatbot') && !document.querySelector('#chatbot .pq-q'))) {
      startFollowing();  // the send button, or an example of the empty chat
    }
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
