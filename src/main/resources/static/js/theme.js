// Applies the saved light/dark choice before the page paints, so a dark page never flashes white.
// Loaded synchronously in <head>; app.js handles the toggle buttons.
(function () {
  'use strict';
  var saved = null;
  try {
    saved = window.localStorage.getItem('xiaoer-theme');
  } catch (e) {
    // Storage can be disabled; the system preference then decides.
  }
  var dark = saved ? saved === 'dark'
    : window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-bs-theme', dark ? 'dark' : 'light');
})();
