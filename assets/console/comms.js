/* global window, document, setTimeout, clearTimeout, URLSearchParams, FormData */
// Broadcasts, campaigns and the language check: live count, live plain-language check and live progress.
// Everything here is an extra: each page works without it (submit buttons and a refresh link do the same).
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function csrfOf(form) {
    var input = form && form.querySelector('input[name="csrf"]');
    return input ? input.value : '';
  }

  function post(url, body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    }).then(function (r) { return r.ok ? r.json() : null; });
  }

  // The exact recipient count while the audience is chosen.
  var countForm = document.querySelector('form[data-count-url]');
  if (countForm) {
    var box = document.getElementById('audience-count');
    var recount = debounce(function () {
      var body = new URLSearchParams(new FormData(countForm));
      post(countForm.getAttribute('data-count-url'), body).then(function (answer) {
        if (answer && box && typeof answer.html === 'string') box.outerHTML = answer.html;
        box = document.getElementById('audience-count');
      }).catch(function () { /* the count button still works */ });
    }, 400);
    var audience = countForm.querySelector('fieldset.audience');
    if (audience) {
      audience.addEventListener('change', recount);
      audience.addEventListener('input', recount);
    }
  }

  // The plain-language check next to every text field HR writes for employees.
  var checkUrl = '/beheer/plain-language.json';
  Array.prototype.forEach.call(document.querySelectorAll('[data-check]'), function (field) {
    var form = field.form;
    var run = debounce(function () {
      var body = new URLSearchParams();
      body.set('csrf', csrfOf(form));
      body.set('text', field.value);
      body.set('locale', field.getAttribute('data-check'));
      post(checkUrl, body).then(function (answer) {
        var panel = document.getElementById('lc-' + field.name);
        if (answer && panel && typeof answer.html === 'string') {
          panel.outerHTML = answer.html.replace('id="lc-text"', 'id="lc-' + field.name + '"');
        }
      }).catch(function () { /* the check on submit still works */ });
    }, 700);
    field.addEventListener('input', run);
  });

  // Live progress of a broadcast being sent; the refresh link does the same without JavaScript.
  var progress = document.querySelector('[data-progress-url]');
  if (progress && progress.getAttribute('data-done') !== '1') {
    var url = progress.getAttribute('data-progress-url');
    var bar = progress.querySelector('progress');
    var tick = function () {
      fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) return;
          if (bar) { bar.value = p.percent; bar.textContent = p.percent + ' %'; }
          var set = function (name, value) {
            var el = progress.querySelector('[data-field="' + name + '"]');
            if (el) el.textContent = String(value);
          };
          set('percent', p.percent);
          ['sent', 'failed', 'waiting', 'cancelled', 'clicks'].forEach(function (k) { set(k, p.progress[k]); });
          // Done: load the page afresh (a GET, never a repeated POST) for the results and the actions that fit now.
          if (p.done) {
            var again = progress.querySelector('a.refresh');
            window.location.replace(again ? again.href.split('#')[0] : window.location.pathname);
          }
          else setTimeout(tick, 2000);
        })
        .catch(function () { setTimeout(tick, 5000); });
    };
    setTimeout(tick, 1000);
  }
})();
