// Quick exit: leave for a neutral site at once, replacing this page in the history so Back does
// not return here. Also on Escape pressed twice. Without JavaScript the link still leaves.
(function () {
  'use strict';
  function leave(event) {
    var exit = document.querySelector('[data-quick-exit]');
    if (!exit) { return; }
    if (event) { event.preventDefault(); }
    document.body.style.visibility = 'hidden';
    window.location.replace(exit.href);
  }
  var lastEscape = 0;
  document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-quick-exit]')) { leave(event); }
  });
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') { return; }
    var now = Date.now();
    if (now - lastEscape < 800) { leave(event); }
    lastEscape = now;
  });
}());
