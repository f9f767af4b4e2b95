// Agents' pages hear what happens in their workspace while they are open (/agent/ws, signed in by the
// session cookie): the inbox fetches its results again, with the agent's filters, when any ticket is
// opened, written to or changed; a ticket's page fetches its timeline when the event is about it.
// Events only say which ticket and what happened; the pages ask the server for the rest.
(function () {
  'use strict';

  var main = document.querySelector('[data-xo-live-workspace]');
  if (!main || !window.StompJs || !window.htmx) {
    return;
  }
  var topic = '/topic/workspace.' + main.getAttribute('data-xo-live-workspace') + '.inbox';
  var endpoint = new URL(main.getAttribute('data-xo-live-url'), window.location.href);
  endpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

  // Several events in a row (a new chat is "created" and "message") give one request.
  var pending = null;
  function soon(refresh) {
    if (pending === null) {
      pending = window.setTimeout(function () {
        pending = null;
        refresh();
      }, 300);
    }
  }

  function refreshInbox() {
    var filters = document.getElementById('ticket-filters');
    if (!filters || !document.getElementById('ticket-results')) {
      return;
    }
    // The row chosen with j/k (and the focus on it) stays chosen in the new list.
    var current = document.querySelector('[data-xo-row].xo-row-current');
    var chosen = current ? current.getAttribute('data-number') : null;
    var focused = current !== null && current.contains(document.activeElement);
    // The filters form's own request, but the address stays as it is (replaced, not pushed).
    window.htmx.ajax('GET', filters.getAttribute('hx-get'), {
      source: filters, target: '#ticket-results', swap: 'outerHTML', headers: { 'X-Xiaoer-Refresh': 'true' }
    }).then(function () {
      var row = chosen === null ? null : document.querySelector('[data-xo-row][data-number="' + chosen + '"]');
      if (row) {
        row.classList.add('xo-row-current');
        var link = row.querySelector('a');
        if (focused && link) {
          link.focus();
        }
      }
    });
  }

  function refreshTimeline() {
    if (!document.getElementById('timeline')) {
      return;
    }
    window.htmx.ajax('GET', main.getAttribute('data-xo-live-timeline'), { target: '#timeline', swap: 'outerHTML' });
  }

  var number = main.getAttribute('data-number');
  function heard(event) {
    if (main.hasAttribute('data-xo-live-timeline')) {
      if (number !== null && String(event.number) === number) {
        soon(refreshTimeline);
      }
    } else {
      soon(refreshInbox);
    }
  }

  var connectedBefore = false;
  var client = new window.StompJs.Client({ brokerURL: endpoint.href, reconnectDelay: 5000 });
  client.onConnect = function () {
    client.subscribe(topic, function (frame) {
      heard(JSON.parse(frame.body));
    });
    if (connectedBefore) {
      // Whatever happened while the connection was down.
      heard({ number: number === null ? null : Number(number) });
    }
    connectedBefore = true;
    main.setAttribute('data-xo-live', 'connected');
  };
  client.onWebSocketClose = function () {
    main.setAttribute('data-xo-live', 'reconnecting');
  };
  client.activate();
})();
