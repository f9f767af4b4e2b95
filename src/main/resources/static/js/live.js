// Agents' pages hear what happens in their workspace while they are open (/agent/ws, signed in by the
// session cookie). Events only say which ticket and what happened; the pages ask the server for the rest:
// - the inbox fetches its results again, with the agent's filters, when any ticket is opened, written to
//   or changed, and every minute so that waiting times grow;
// - a ticket's page fetches its timeline when the event is about it and names a version newer than the
//   one shown (the agent's own reply brought that version already);
// - a page with a live region (the supervisor's monitor) fetches the region on any event.
// A refresh never runs while one of the page's own requests is in flight: the answer to a reply or a
// change replaces the same parts of the page, and the two must not overtake each other. It waits for
// the page to settle instead. A new chat, or a chat given to this agent, plays a sound and shows a
// desktop notification when the agent turned them on (app.js).
(function () {
  'use strict';

  var main = document.querySelector('[data-xo-live-workspace]');
  if (!main || !window.StompJs || !window.htmx) {
    return;
  }
  var topic = '/topic/workspace.' + main.getAttribute('data-xo-live-workspace') + '.inbox';
  var endpoint = new URL(main.getAttribute('data-xo-live-url'), window.location.href);
  endpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
  var number = main.getAttribute('data-number');
  var me = main.getAttribute('data-xo-me');
  var mode = main.hasAttribute('data-xo-live-timeline') ? 'ticket'
    : (main.hasAttribute('data-xo-live-region') ? 'region' : 'inbox');

  var inFlight = 0;
  var wanted = false;
  var timer = null;
  // The newest version of this page's ticket heard of; after a reconnect anything may be new.
  var heardVersion = 0;
  var missedEvents = false;
  var unseen = false;

  function shownVersion() {
    var timeline = document.getElementById('timeline');
    return timeline ? Number(timeline.getAttribute('data-version')) : 0;
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

  // Fetches fresh content and swaps it in, unless one of the page's own requests (a reply, a change, a
  // supervisor's action) started meanwhile: htmx resolves such a request's target when it starts, and
  // a swap under it would leave its answer nowhere. Then the refresh is simply asked for again, after
  // that request has settled; its own answer usually brought the page up to date anyway.
  var ownRequests = 0;
  var fetching = false;
  document.addEventListener('htmx:beforeRequest', function () { ownRequests++; });

  function fetchAndSwap(url, selector, unchanged, swapped) {
    var startedAfter = ownRequests;
    fetching = true;
    window.fetch(url, { headers: { 'HX-Request': 'true' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var target = document.querySelector(selector);
        if (ownRequests !== startedAfter || inFlight > 0) {
          wanted = true;
        } else if (html !== null && target && !(unchanged && unchanged(html.trim()))) {
          window.htmx.swap(target, html, { swapStyle: 'outerHTML' });
          if (swapped) {
            swapped();
          }
        }
      })
      .finally(function () {
        fetching = false;
        refreshIfWanted();
      });
  }

  function refreshTicket() {
    if (!document.getElementById('timeline') || !(missedEvents || heardVersion > shownVersion())) {
      return;
    }
    // The fields come along unless the agent is choosing one right now.
    var panel = document.getElementById('ticket-panel');
    var panelWanted = panel !== null && !panel.contains(document.activeElement);
    var visible = document.visibilityState === 'visible';
    // What arrives while the agent is in another tab stays unread until they come back.
    unseen = !visible;
    fetchAndSwap(main.getAttribute('data-xo-live-timeline') + '?panel=' + panelWanted + '&seen=' + visible,
      '#timeline', null, function () { missedEvents = false; });
  }

  // The region as the server last sent it: a refresh that brings the same is not swapped in, so that a
  // button the supervisor is about to click stays where it is.
  var regionShown = null;
  document.addEventListener('htmx:afterSwap', function (event) {
    var selector = main.getAttribute('data-xo-live-region');
    if (selector && event.detail.xhr && event.detail.target instanceof Element
      && event.detail.target.id === selector.slice(1)) {
      regionShown = event.detail.xhr.responseText.trim();
    }
  });

  function refreshRegion() {
    var selector = main.getAttribute('data-xo-live-region');
    var region = document.querySelector(selector);
    if (!region) {
      return;
    }
    if (region.contains(document.activeElement) && document.activeElement.tagName === 'SELECT') {
      // Someone is choosing in it: after they leave it.
      wanted = true;
      return;
    }
    fetchAndSwap(main.getAttribute('data-xo-live-region-url'), selector, function (html) {
      var same = html === regionShown;
      regionShown = html;
      return same;
    });
  }

  function refresh() {
    wanted = false;
    if (mode === 'ticket') {
      refreshTicket();
    } else if (mode === 'region') {
      refreshRegion();
    } else {
      refreshInbox();
    }
  }

  // Several events in a row (a new chat is "created" and "message") give one request.
  function soon() {
    wanted = true;
    if (timer === null) {
      timer = window.setTimeout(function () {
        timer = null;
        if (inFlight === 0 && !fetching) {
          refresh();
        }
      }, 300);
    }
  }

  function refreshIfWanted() {
    if (wanted && inFlight === 0 && timer === null && !fetching) {
      refresh();
    }
  }

  document.addEventListener('htmx:beforeRequest', function () { inFlight++; });
  document.addEventListener('htmx:afterRequest', function () { inFlight = Math.max(0, inFlight - 1); });
  document.addEventListener('htmx:afterSettle', refreshIfWanted);
  document.addEventListener('focusout', function () { window.setTimeout(refreshIfWanted, 0); });

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && unseen) {
      missedEvents = true;
      soon();
    }
  });

  // Waiting times grow while nothing happens: show them anew every minute.
  if (mode !== 'ticket') {
    window.setInterval(function () {
      if (document.visibilityState === 'visible') {
        soon();
      }
    }, 60000);
  }

  // -- Notifications ---------------------------------------------------------------------------------

  function notificationsOn() {
    try {
      return window.localStorage.getItem('xiaoer.notifications') === 'on';
    } catch (e) {
      return false;
    }
  }

  var audio = null;
  function chime() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach(function (frequency, i) {
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        var start = audio.currentTime + i * 0.15;
        tone.frequency.value = frequency;
        gain.gain.setValueAtTime(0.15, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.14);
        tone.connect(gain).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.15);
      });
    } catch (e) {
      // No sound where the browser allows none yet; the notification still shows.
    }
  }

  // Texts come with the presence control in the top bar, in the agent's language.
  function text(name, ticketNumber) {
    var source = document.querySelector('[data-xo-notifications]');
    var template = source ? source.getAttribute('data-' + name) : null;
    return (template || '#{0}').replace('{0}', String(ticketNumber));
  }

  function announce(name, ticketNumber) {
    main.setAttribute('data-xo-last-notice', name + ':' + ticketNumber);
    if (!notificationsOn()) {
      return;
    }
    chime();
    if (window.Notification && window.Notification.permission === 'granted' && !document.hasFocus()) {
      var notice = new window.Notification(text(name, ticketNumber), { tag: 'xiaoer-' + ticketNumber });
      notice.onclick = function () {
        window.focus();
        window.location.href = '/tickets/' + ticketNumber;
      };
    }
  }

  function notifyIfNeeded(event) {
    if (event.channel !== 'chat') {
      return;
    }
    if (event.assignee && event.assignee === me && (event.what === 'created' || event.what === 'updated')) {
      announce('assigned', event.number);
    } else if (event.what === 'created' && !event.assignee) {
      announce('new-chat', event.number);
    }
  }

  // -- The connection --------------------------------------------------------------------------------

  // -- Typing ---------------------------------------------------------------------------------------

  var typingShown = null;
  function customerTypes() {
    var indicator = document.getElementById('customer-typing');
    if (!indicator) {
      return;
    }
    indicator.hidden = false;
    window.clearTimeout(typingShown);
    typingShown = window.setTimeout(function () { indicator.hidden = true; }, 6000);
  }

  // The agent's typing reaches a chat's visitor, for replies only: a note is nobody's business outside.
  var lastTyping = 0;
  // After a reply is sent, the next keystroke starts a new one.
  document.addEventListener('htmx:afterRequest', function (event) {
    if (event.target instanceof Element && event.target.hasAttribute('data-xo-composer')) {
      lastTyping = 0;
    }
  });
  document.addEventListener('input', function (event) {
    var reply = document.getElementById('kind-reply');
    if (mode !== 'ticket' || main.getAttribute('data-channel') !== 'chat' || !client.connected
      || !(event.target instanceof Element) || event.target.id !== 'composer-body' || !reply || !reply.checked
      || Date.now() - lastTyping < 3000) {
      return;
    }
    lastTyping = Date.now();
    client.publish({ destination: '/app/agent.typing', body: JSON.stringify({ number: Number(number) }) });
  });

  function heard(event) {
    var here = number !== null && String(event.number) === number;
    if (event.what === 'typing') {
      if (mode === 'ticket' && here) {
        customerTypes();
      }
      return;
    }
    notifyIfNeeded(event);
    if (mode !== 'ticket') {
      if (event.what !== 'read') {
        soon();
      }
    } else if (here && event.what === 'read') {
      // The customer saw the answers: the ticket is the same version, only its marks change.
      missedEvents = true;
      soon();
    } else if (here) {
      if (event.what === 'message') {
        // Their message is here: they have stopped typing.
        var indicator = document.getElementById('customer-typing');
        if (indicator) {
          indicator.hidden = true;
        }
      }
      heardVersion = Math.max(heardVersion, Number(event.version) || 0);
      soon();
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
      missedEvents = true;
      soon();
    }
    connectedBefore = true;
    main.setAttribute('data-xo-live', 'connected');
  };
  client.onWebSocketClose = function () {
    main.setAttribute('data-xo-live', 'reconnecting');
  };
  client.activate();
})();
