// Xiaoer's page behaviour, shared by every page. Plain JavaScript, no build step; the Content
// Security Policy forbids inline scripts, so everything interactive is wired up here.
(function () {
  'use strict';

  var notifications = function () { return document.getElementById('xo-notifications'); };

  function notify(templateId) {
    var template = document.getElementById(templateId);
    var area = notifications();
    if (template && area) {
      area.appendChild(template.content.cloneNode(true));
    }
  }

  // Every htmx request carries the CSRF token that Spring Security put in the page.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A refusal the server explains comes with a target (the notification area): show it.
  // Any other failure gets a general notice, so that nothing fails silently.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status >= 400 && xhr.getResponseHeader('HX-Retarget')) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', function () { notify('xo-notice-error'); });
  document.addEventListener('htmx:sendError', function () { notify('xo-notice-offline'); });

  // hx-confirm asks in a Tabler dialog instead of the browser's confirm(); tabler.js exposes Bootstrap as window.tabler.
  document.addEventListener('htmx:confirm', function (event) {
    var question = event.detail.question;
    var element = document.getElementById('xo-confirm');
    if (!question || !element || !window.tabler) {
      return;
    }
    event.preventDefault();
    element.querySelector('[data-xo-confirm-question]').textContent = question;
    var accept = element.querySelector('[data-xo-confirm-accept]');
    var modal = window.tabler.Modal.getOrCreateInstance(element);
    var onAccept = function () {
      modal.hide();
      event.detail.issueRequest(true);
    };
    accept.addEventListener('click', onAccept, { once: true });
    element.addEventListener('hidden.bs.modal', function () {
      accept.removeEventListener('click', onAccept);
    }, { once: true });
    modal.show();
  });

  function setTheme(theme) {
    document.documentElement.setAttribute('data-bs-theme', theme);
    try {
      window.localStorage.setItem('xiaoer-theme', theme);
    } catch (e) {
      // Not saved; the choice still holds for this page.
    }
  }

  function copy(button) {
    var source = document.querySelector(button.getAttribute('data-xo-copy'));
    if (!source) {
      return;
    }
    var done = function () {
      var label = button.querySelector('span');
      if (label && button.dataset.copied) {
        label.textContent = button.dataset.copied;
      }
      button.classList.add('btn-success');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, function () {
        source.select();
      });
    } else {
      // Plain-HTTP pages have no clipboard API: select the text so that Ctrl+C copies it.
      source.focus();
      source.select();
      if (document.execCommand && document.execCommand('copy')) {
        done();
      }
    }
  }

  function reveal(button) {
    var input = document.getElementById(button.getAttribute('data-xo-reveal'));
    if (!input) {
      return;
    }
    var show = input.type === 'password';
    input.type = show ? 'text' : 'password';
    button.setAttribute('aria-pressed', show ? 'true' : 'false');
    var label = show ? button.dataset.labelHide : button.dataset.labelShow;
    button.setAttribute('aria-label', label);
    button.setAttribute('title', label);
    var icon = button.querySelector('.ti');
    icon.classList.toggle('ti-eye', !show);
    icon.classList.toggle('ti-eye-off', show);
  }

  // Desktop notifications for new chats (live.js shows them): asked for once, with a click, as browsers require.
  function enableNotifications(button) {
    var label = button.querySelector('span');
    var done = function (permission) {
      var granted = permission === 'granted';
      try {
        window.localStorage.setItem('xiaoer.notifications', granted ? 'on' : 'off');
      } catch (e) {
        // Not remembered; asked again next time.
      }
      if (label) {
        label.textContent = granted ? button.dataset.on : button.dataset.blocked;
      }
    };
    if (!window.Notification) {
      done('denied');
    } else if (window.Notification.permission === 'granted') {
      done('granted');
    } else {
      window.Notification.requestPermission().then(done);
    }
  }

  // A presence control just loaded says whether notifications are on already.
  document.addEventListener('htmx:afterSettle', function () {
    document.querySelectorAll('[data-xo-notifications]').forEach(function (button) {
      var on = false;
      try {
        on = window.localStorage.getItem('xiaoer.notifications') === 'on';
      } catch (e) {
        on = false;
      }
      var label = button.querySelector('span');
      if (on && label && window.Notification && window.Notification.permission === 'granted') {
        label.textContent = button.dataset.on;
      }
    });
  });

  document.addEventListener('click', function (event) {
    var notifications = event.target.closest('[data-xo-notifications]');
    if (notifications) {
      enableNotifications(notifications);
      return;
    }
    var theme = event.target.closest('[data-xo-theme]');
    if (theme) {
      setTheme(theme.getAttribute('data-xo-theme'));
      return;
    }
    var copyButton = event.target.closest('[data-xo-copy]');
    if (copyButton) {
      copy(copyButton);
      return;
    }
    var revealButton = event.target.closest('[data-xo-reveal]');
    if (revealButton) {
      reveal(revealButton);
    }
  });
})();
