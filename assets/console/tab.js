/* global window, document */
// The Teams tab: Teams single sign-on. Teams gives a token for this app; the server checks it and opens a session.
(function () {
  'use strict';
  var failed = function () {
    var busy = document.getElementById('tab-status');
    var no = document.getElementById('tab-failed');
    if (busy) busy.hidden = true;
    if (no) no.hidden = false;
  };
  var teams = window.microsoftTeams;
  if (!teams) return failed();
  teams.app
    .initialize()
    .then(function () {
      return teams.authentication.getAuthToken();
    })
    .then(function (token) {
      return fetch('/beheer/sso', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: token }),
      });
    })
    .then(function (res) {
      if (res.status === 204) window.location.replace('/beheer');
      else failed();
    })
    .catch(failed);
})();
