/* global window, document */
// Vliegwiel console: progressive help only; every page works without this file.
(function () {
  'use strict';
  // After a form came back with mistakes, move focus to the list of them (screen readers read it at once).
  var problems = document.getElementById('problems');
  if (problems) problems.focus();
  // Buttons that change a lot (cancel a workshop) ask first; the text comes from the page itself.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    var question = form && form.getAttribute && form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) e.preventDefault();
  });
})();
