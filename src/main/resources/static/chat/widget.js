/*
 * Xiaoer chat widget. A merchant puts one tag on any page:
 *   <script src="https://support.example.com/chat/widget.js" data-workspace="WORKSPACE-ID" async></script>
 * For a signed-in shopper, the shop's server adds data-user-id="…" and data-user-hash="…" (the
 * id signed with the workspace's secret, see Admin → Live chat), so the chat continues on any device.
 * It adds a chat launcher; visitors talk to the service team over STOMP (WebSocket). Plain
 * JavaScript, no framework; texts come from Xiaoer's message bundles in the page's language.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.XiaoerChat) { return; }
  var workspace = script.getAttribute('data-workspace');
  var userId = script.getAttribute('data-user-id');
  var userHash = script.getAttribute('data-user-hash');
  var origin = new URL(script.src, location.href).origin;
  var language = script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'en';
  var storageKey = 'xiaoer.visitor.' + workspace;
  var visitorId = localStorage.getItem(storageKey);
  if (!visitorId) {
    visitorId = 'v-' + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2) + Date.now());
    localStorage.setItem(storageKey, visitorId);
  }
  var texts = {};
  var client;
  var sending = {};
  var teamMessages = {};
  var offers = {};
  var caughtUp = false;
  var ui = {};
  window.XiaoerChat = { visitorId: visitorId };

  function load(src, done) {
    var tag = document.createElement('script');
    tag.src = src;
    tag.onload = done;
    document.head.appendChild(tag);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // A camera drawn as SVG: an emoji would depend on the visitor's fonts.
  function cameraIcon() {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '20');
    svg.setAttribute('height', '20');
    svg.setAttribute('aria-hidden', 'true');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', 'M4 7h3l2-3h6l2 3h3a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm8 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z');
    path.setAttribute('fill', 'none');
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    svg.appendChild(path);
    return svg;
  }

  function style() {
    var css = element('style');
    css.textContent =
      '.xo-launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:28px;' +
      'padding:14px 20px;background:#206bc4;color:#fff;font:600 15px system-ui,sans-serif;cursor:pointer;' +
      'box-shadow:0 4px 16px rgba(0,0,0,.2)}' +
      '.xo-launcher:focus-visible,.xo-panel button:focus-visible{outline:3px solid #f59f00;outline-offset:2px}' +
      '.xo-panel{position:fixed;right:20px;bottom:84px;z-index:2147483000;width:min(360px,calc(100vw - 24px));' +
      'height:min(520px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;color:#1d273b;' +
      'border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);font:14px/1.45 system-ui,sans-serif;overflow:hidden}' +
      '.xo-panel[hidden]{display:none}' +
      '.xo-head{display:flex;align-items:center;justify-content:space-between;padding:12px 16px;background:#206bc4;color:#fff}' +
      '.xo-head h2{margin:0;font-size:16px}.xo-close{background:none;border:0;color:#fff;font-size:22px;cursor:pointer}' +
      '.xo-status{padding:6px 16px;background:#fff3cd;color:#664d03;font-size:13px}.xo-status:empty{display:none}' +
      '.xo-notice{padding:6px 16px;background:#e8f1fb;color:#1d4f8f;font-size:13px}.xo-notice:empty{display:none}' +
      '.xo-contact{padding:8px 10px 0;border-top:1px solid #e6e8eb}.xo-contact[hidden]{display:none}' +
      '.xo-contact input{width:100%;box-sizing:border-box;border:1px solid #dadfe5;border-radius:8px;padding:8px;font:inherit}' +
      '.xo-typing{padding:0 16px 4px;font-size:12px;color:#667382;background:#f6f8fb;min-height:0}.xo-typing:empty{display:none}' +
      '.xo-log{flex:1;overflow-y:auto;padding:12px 16px;display:flex;flex-direction:column;gap:8px;background:#f6f8fb}' +
      '.xo-msg{max-width:80%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}' +
      '.xo-msg.xo-visitor{align-self:flex-end;background:#206bc4;color:#fff}' +
      '.xo-msg.xo-team,.xo-msg.xo-welcome{align-self:flex-start;background:#fff;border:1px solid #e6e8eb}' +
      '.xo-state{display:block;font-size:11px;opacity:.8;margin-top:2px}.xo-msg.xo-failed{background:#d63939}' +
      '.xo-form{display:flex;gap:8px;padding:10px;border-top:1px solid #e6e8eb}' +
      '.xo-form textarea{flex:1;resize:none;border:1px solid #dadfe5;border-radius:8px;padding:8px;font:inherit;min-height:40px}' +
      '.xo-form button{border:0;border-radius:8px;padding:0 16px;background:#206bc4;color:#fff;font-weight:600;cursor:pointer}' +
      '.xo-form .xo-photo{background:#eef3fa;color:#206bc4;padding:0 10px;display:flex;align-items:center}' +
      '.xo-msg img{display:block;max-width:100%;max-height:220px;border-radius:8px;margin-bottom:4px}' +
      '.xo-msg a{color:inherit}' +
      '.xo-choices{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}.xo-choices:empty{display:none}' +
      '.xo-choices button{border:1px solid #206bc4;border-radius:14px;padding:4px 10px;background:#fff;color:#206bc4;' +
      'font:inherit;font-size:13px;cursor:pointer;text-align:left}.xo-choices button:disabled{opacity:.5;cursor:default}';
    document.head.appendChild(css);
  }

  function build() {
    style();
    ui.launcher = element('button', 'xo-launcher', texts.title);
    ui.launcher.type = 'button';
    ui.launcher.setAttribute('aria-label', texts.open);
    ui.launcher.setAttribute('aria-expanded', 'false');
    ui.panel = element('section', 'xo-panel');
    ui.panel.hidden = true;
    ui.panel.setAttribute('role', 'dialog');
    ui.panel.setAttribute('aria-label', texts.title);
    var head = element('div', 'xo-head');
    head.appendChild(element('h2', null, texts.title));
    var close = element('button', 'xo-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', texts.close);
    head.appendChild(close);
    ui.status = element('div', 'xo-status');
    ui.status.setAttribute('role', 'status');
    ui.notice = element('div', 'xo-notice');
    ui.notice.setAttribute('role', 'status');
    ui.notice.setAttribute('data-xo-notice', '');
    ui.typing = element('div', 'xo-typing');
    ui.typing.setAttribute('aria-live', 'polite');
    ui.log = element('div', 'xo-log');
    ui.log.setAttribute('role', 'log');
    ui.log.setAttribute('aria-live', 'polite');
    ui.welcome = element('div', 'xo-msg xo-welcome', texts.welcome);
    ui.log.appendChild(ui.welcome);
    ui.form = element('form', 'xo-form');
    ui.input = element('textarea');
    ui.input.rows = 1;
    ui.input.maxLength = 5000;
    ui.input.placeholder = texts.placeholder;
    ui.input.setAttribute('aria-label', texts.placeholder);
    var send = element('button', null, texts.send);
    send.type = 'submit';
    ui.file = element('input');
    ui.file.type = 'file';
    ui.file.accept = 'image/*';
    ui.file.hidden = true;
    var photo = element('button', 'xo-photo');
    photo.appendChild(cameraIcon());
    photo.type = 'button';
    photo.setAttribute('aria-label', texts.photo);
    photo.title = texts.photo;
    photo.addEventListener('click', function () { ui.file.click(); });
    ui.file.addEventListener('change', function () {
      if (ui.file.files.length) { sendPhoto(ui.file.files[0]); }
      ui.file.value = '';
    });
    ui.form.appendChild(ui.file);
    ui.form.appendChild(photo);
    ui.form.appendChild(ui.input);
    ui.form.appendChild(send);
    ui.panel.appendChild(head);
    ui.panel.appendChild(ui.status);
    ui.panel.appendChild(ui.notice);
    ui.panel.appendChild(ui.log);
    ui.panel.appendChild(ui.typing);
    ui.contactRow = element('div', 'xo-contact');
    ui.contactRow.hidden = true;
    ui.contact = element('input');
    ui.contact.type = 'text';
    ui.contact.autocomplete = 'email';
    ui.contact.maxLength = 254;
    ui.contact.placeholder = texts.contact;
    ui.contact.setAttribute('aria-label', texts.contact);
    ui.contactRow.appendChild(ui.contact);
    ui.panel.appendChild(ui.contactRow);
    ui.panel.appendChild(ui.form);
    document.body.appendChild(ui.panel);
    document.body.appendChild(ui.launcher);

    ui.launcher.addEventListener('click', function () { toggle(ui.panel.hidden); });
    close.addEventListener('click', function () { toggle(false); });
    ui.panel.addEventListener('keydown', function (event) { if (event.key === 'Escape') { toggle(false); } });
    ui.form.addEventListener('submit', function (event) { event.preventDefault(); submit(); });
    ui.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); submit(); }
    });
    ui.input.addEventListener('input', typing);
    document.addEventListener('visibilitychange', markRead);
  }

  function toggle(open) {
    ui.panel.hidden = !open;
    ui.launcher.setAttribute('aria-expanded', String(open));
    if (open) {
      ui.input.focus();
      connect();
      markRead();
    } else {
      ui.launcher.focus();
    }
  }

  function bubble(kind, text, state, at) {
    var message = element('div', 'xo-msg xo-' + kind, text);
    if (state) { message.appendChild(element('span', 'xo-state', state)); }
    if (at) { message.setAttribute('data-at', String(Date.parse(at))); }
    return message;
  }

  function show(kind, text, state, at) {
    var message = bubble(kind, text, state, at);
    ui.log.appendChild(message);
    ui.log.scrollTop = ui.log.scrollHeight;
    return message;
  }

  // An earlier message goes after the last stored one that is not newer, and before messages still
  // being sent, which carry no time yet.
  function showInOrder(message) {
    var at = Number(message.getAttribute('data-at'));
    var before = null;
    for (var node = ui.log.lastElementChild; node && node !== ui.welcome; node = node.previousElementSibling) {
      var other = node.getAttribute('data-at');
      if (other !== null && Number(other) <= at) { break; }
      before = node;
    }
    ui.log.insertBefore(message, before);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function mark(message, state, failed) {
    message.querySelector('.xo-state').textContent = state;
    message.classList.toggle('xo-failed', !!failed);
  }

  // A photo goes over HTTP (a STOMP frame is for text), with the same client id rule as messages.
  function sendPhoto(file) {
    var clientId = 'c-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    var message = show('visitor', '', texts.sending);
    var preview = element('img');
    preview.alt = file.name;
    preview.src = URL.createObjectURL(file);
    message.insertBefore(preview, message.firstChild);
    var form = new FormData();
    form.append('workspace', workspace);
    form.append('visitor', visitorId);
    if (userId) {
      form.append('user', userId);
      form.append('userHash', userHash || '');
    }
    form.append('clientId', clientId);
    form.append('file', file);
    fetch(origin + '/chat/uploads', { method: 'POST', body: form })
      .then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      })
      .then(function (answer) {
        if (answer.ok) {
          mark(message, texts.delivered);
          message.setAttribute('data-at', String(Date.parse(answer.body.at)));
        } else {
          var code = String(answer.body.type || '').split('/').pop();
          mark(message, code === 'rate-limited' ? texts['too-fast']
            : code === 'attachment-type-not-allowed' ? texts['photo-type']
              : code === 'attachment-too-large' ? texts['photo-too-large'] : texts.failed, true);
        }
      })
      .catch(function () { mark(message, texts.failed, true); });
  }

  function contactGiven() {
    return localStorage.getItem(storageKey + '.contact') === 'given';
  }

  function submit() {
    var text = ui.input.value.trim();
    if (!text) { return; }
    // Offered, not required: without it the answer waits in the chat for the visitor's return.
    var contact = ui.contactRow.hidden ? null : ui.contact.value.trim() || null;
    var clientId = 'c-' + Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
    var message = show('visitor', text, texts.sending);
    ui.input.value = '';
    // The next keystroke starts a new message: say at once that the visitor types again.
    lastTyping = 0;
    sending[clientId] = { element: message, text: text, contact: contact, sent: false };
    if (client && client.connected && caughtUp) { publish(clientId); }
  }

  // Messages typed while connecting go out once connected and caught up.
  function publish(clientId) {
    sending[clientId].sent = true;
    client.publish({
      destination: '/app/chat.send',
      headers: { 'client-id': clientId, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: clientId, text: sending[clientId].text, contact: sending[clientId].contact })
    });
  }

  function fill(template, value) {
    return (template || '').replace('{0}', value);
  }

  // Where the chat stands: waiting in the queue, answered by someone, or nobody online at all.
  function showState(state) {
    // With the assistant answering first, it greets.
    ui.welcome.textContent = state.assistant ? texts['assistant-greeting'] : texts.welcome;
    if (state.agent) {
      ui.notice.textContent = fill(texts.answering, state.agent);
    } else if (state.closedHours) {
      ui.notice.textContent = fill(texts.closed, state.closedHours);
    } else if (state.position) {
      ui.notice.textContent = fill(texts.queue, state.position);
    } else if (!state.online) {
      ui.notice.textContent = texts.offline;
    } else {
      ui.notice.textContent = '';
    }
    // Nobody online: the message waits, so the visitor leaves an e-mail address or phone for the answer.
    ui.contactRow.hidden = state.online || !!state.agent || contactGiven();
    if (state.readUpTo) { showRead(state.readUpTo); }
  }

  // The team has read the visitor's messages up to then.
  function showRead(upTo) {
    var until = Date.parse(upTo);
    ui.log.querySelectorAll('.xo-visitor[data-at]').forEach(function (message) {
      var state = message.querySelector('.xo-state');
      if (state && Number(message.getAttribute('data-at')) <= until) { state.textContent = texts.read; }
    });
  }

  var typingShown = null;
  function showTyping(from) {
    ui.typing.textContent = fill(texts.typing, from || texts.team);
    clearTimeout(typingShown);
    typingShown = setTimeout(function () { ui.typing.textContent = ''; }, 6000);
  }

  // Said at most every three seconds while the visitor types.
  var lastTyping = 0;
  function typing() {
    if (client && client.connected && Date.now() - lastTyping > 3000) {
      lastTyping = Date.now();
      client.publish({ destination: '/app/chat.typing', body: '' });
    }
  }

  // The newest answer of the team on screen counts as read while the chat is open and the page visible.
  var readSent = 0;
  function markRead() {
    if (!client || !client.connected || ui.panel.hidden || document.visibilityState !== 'visible') { return; }
    var newest = 0;
    ui.log.querySelectorAll('.xo-team[data-at]').forEach(function (message) {
      newest = Math.max(newest, Number(message.getAttribute('data-at')));
    });
    if (newest > readSent) {
      readSent = newest;
      client.publish({ destination: '/app/chat.read', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ upTo: new Date(newest).toISOString() }) });
    }
  }

  function receive(frame) {
    var event = JSON.parse(frame.body);
    if (event.type === 'state') { showState(event); return; }
    if (event.type === 'typing') { showTyping(event.from); return; }
    if (event.type === 'read') { showRead(event.upTo); return; }
    if (event.type === 'file' && !teamMessages[event.id]) {
      teamMessages[event.id] = true;
      var file = show('team', '', event.from || texts.team, event.at);
      var link = element('a');
      link.href = event.url;
      link.target = '_blank';
      link.rel = 'noopener';
      if (/^image\/(png|jpeg|gif|webp)$/.test(event.contentType)) {
        var image = element('img');
        image.src = event.url;
        image.alt = event.name;
        link.appendChild(image);
      } else {
        link.textContent = event.name;
      }
      file.insertBefore(link, file.firstChild);
      markRead();
      return;
    }
    var pending = event.clientId && sending[event.clientId];
    if (event.type === 'ack' && pending) {
      if (pending.contact) {
        localStorage.setItem(storageKey + '.contact', 'given');
        ui.contactRow.hidden = true;
      }
      mark(pending.element, texts.delivered);
      pending.element.setAttribute('data-at', String(Date.parse(event.at)));
      delete sending[event.clientId];
    } else if (event.type === 'error' && pending) {
      mark(pending.element, event.code === 'rate-limited' ? texts['too-fast']
        : event.code === 'invalid-contact' ? texts['contact-invalid'] : texts.failed, true);
      delete sending[event.clientId];
    } else if (event.type === 'message' && !teamMessages[event.id]) {
      teamMessages[event.id] = true;
      ui.typing.textContent = '';
      show('team', event.text, event.from || texts.team, event.at).setAttribute('data-id', event.id);
      markRead();
      if (offers[event.id]) { offer(offers[event.id]); }
    } else if (event.type === 'assistant') {
      offer(event);
    }
  }

  // Under one of the assistant's messages: "did it help?" for an answer, the questions offered for a
  // clarifying one. One click each; the buttons go once used.
  // The frames may overtake each other: buttons for a message not yet shown wait for it.
  function offer(event) {
    var message = ui.log.querySelector('.xo-team[data-id="' + event.message + '"]');
    if (!message) { offers[event.message] = event; return; }
    delete offers[event.message];
    var choices = element('div', 'xo-choices');
    function button(text, action) {
      var choice = element('button', '', text);
      choice.type = 'button';
      choice.addEventListener('click', function () {
        choices.querySelectorAll('button').forEach(function (other) { other.disabled = true; });
        action(choice);
      });
      choices.appendChild(choice);
    }
    function tell(destination, body) {
      client.publish({ destination: destination, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }
    if (event.kind === 'answer') {
      [true, false].forEach(function (helpful) {
        button(texts[helpful ? 'assistant-helpful' : 'assistant-unhelpful'], function () {
          tell('/app/chat.feedback', { decision: event.decision, helpful: helpful });
          choices.textContent = texts['assistant-thanks'];
        });
      });
    } else {
      event.options.forEach(function (option) {
        button(option.question, function () { tell('/app/chat.choose', { decision: event.decision, faq: option.faq }); });
      });
    }
    message.appendChild(choices);
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  // The conversation so far, on every (re)connect. The first time it shows everything; later only
  // the team's answers given while the connection was down: the visitor's own messages of this page
  // are on screen already. Then the messages not yet acknowledged go out (again, after a dropped
  // connection: the server stores a message once however often it is sent); sent only now, they
  // cannot be in the conversation just shown.
  function catchUp(frame) {
    JSON.parse(frame.body).forEach(function (earlier) {
      var fromTeam = earlier.from === 'team';
      if (fromTeam ? teamMessages[earlier.id] : caughtUp) { return; }
      if (fromTeam) { teamMessages[earlier.id] = true; }
      var message = bubble(fromTeam ? 'team' : 'visitor', earlier.text,
        fromTeam ? earlier.name || texts.team : texts.delivered, earlier.at);
      if (fromTeam) { message.setAttribute('data-id', earlier.id); }
      showInOrder(message);
    });
    caughtUp = true;
    Object.keys(sending).forEach(function (clientId) { if (!sending[clientId].sent) { publish(clientId); } });
    markRead();
  }

  function connect() {
    if (client) { return; }
    ui.status.textContent = texts.connecting;
    var connectHeaders = { workspace: workspace, visitor: visitorId };
    if (userId) {
      connectHeaders.user = userId;
      connectHeaders['user-hash'] = userHash || '';
    }
    client = new StompJs.Client({
      brokerURL: origin.replace(/^http/, 'ws') + '/chat/ws',
      connectHeaders: connectHeaders,
      reconnectDelay: 3000
    });
    client.onConnect = function () {
      ui.status.textContent = '';
      client.subscribe('/user/queue/chat', receive);
      client.subscribe('/app/chat.history', catchUp);
      client.subscribe('/app/chat.state', function (frame) { showState(JSON.parse(frame.body)); });
    };
    // A message sent but not acknowledged when the connection drops may or may not be stored: it is
    // sent again with the same client id once reconnected, and the server stores it once.
    client.onWebSocketClose = function () {
      ui.status.textContent = texts.reconnecting;
      Object.keys(sending).forEach(function (clientId) { sending[clientId].sent = false; });
    };
    client.activate();
  }

  fetch(origin + '/chat/texts?lang=' + encodeURIComponent(language))
    .then(function (response) { return response.json(); })
    .then(function (loaded) {
      texts = loaded;
      load(origin + '/webjars/stomp__stompjs/bundles/stomp.umd.min.js', build);
    });
})();
