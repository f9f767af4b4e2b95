// Canned replies in the ticket page's composer. The "Canned replies" button, "/" outside a text field,
// or "/" in an empty message box opens the picker, whose content the automation module serves at the
// address in #canned-picker's data-xo-canned-url. Arrows choose, Enter or a click puts the text (filled
// in for this ticket by the server) into the reply for the agent to edit; nothing is sent by choosing.
// Escape closes the picker; either way the focus goes back to the message box. Plain JavaScript: the
// Content Security Policy allows no inline script.
(function () {
  'use strict';

  var active = -1;
  // Enter was pressed before the results for what is typed arrived: choose once they are in.
  var chooseWhenCurrent = false;

  function picker() { return document.getElementById('canned-picker'); }
  function messageBox() { return document.getElementById('composer-body'); }
  function isOpen() { var container = picker(); return container !== null && !container.hidden; }

  function search() {
    var container = picker();
    return container ? container.querySelector('[data-xo-canned-search]') : null;
  }

  function options() {
    var container = picker();
    return container ? Array.prototype.slice.call(container.querySelectorAll('[data-xo-canned-option]')) : [];
  }

  function isTyping(target) {
    return target instanceof Element
      && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
  }

  function markOpen(open) {
    document.querySelectorAll('[data-xo-canned-open]').forEach(function (button) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }

  function open() {
    var container = picker();
    if (!container || !window.htmx) {
      return false;
    }
    if (isOpen()) {
      var field = search();
      if (field) {
        field.focus();
      }
      return true;
    }
    container.hidden = false;
    markOpen(true);
    active = -1;
    window.htmx.ajax('GET', container.getAttribute('data-xo-canned-url'), { target: container, swap: 'innerHTML' });
    return true;
  }

  function close(backToMessage) {
    var container = picker();
    if (!container || container.hidden) {
      return;
    }
    container.hidden = true;
    container.innerHTML = '';
    markOpen(false);
    chooseWhenCurrent = false;
    var box = messageBox();
    if (backToMessage && box) {
      box.focus();
    }
  }

  function highlight(index, scroll) {
    var all = options();
    var field = search();
    active = all.length === 0 ? -1 : Math.max(0, Math.min(all.length - 1, index));
    all.forEach(function (option, i) {
      option.setAttribute('aria-selected', i === active ? 'true' : 'false');
      option.classList.toggle('active', i === active);
    });
    if (field && active >= 0) {
      field.setAttribute('aria-activedescendant', all[active].id);
    } else if (field) {
      field.removeAttribute('aria-activedescendant');
    }
    if (scroll !== false && active >= 0) {
      all[active].scrollIntoView({ block: 'nearest' });
    }
  }

  // The text goes where the agent's cursor was (replacing a selection), in the Reply tab: it is an answer.
  function choose(option) {
    var text = option.querySelector('[data-xo-canned-text]').textContent;
    var reply = document.getElementById('kind-reply');
    if (reply && !reply.checked) {
      reply.checked = true;
      reply.dispatchEvent(new Event('change', { bubbles: true }));
    }
    close(false);
    var box = messageBox();
    if (!box) {
      return;
    }
    var start = box.selectionStart;
    var end = box.selectionEnd;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    box.focus();
    box.setSelectionRange(start + text.length, start + text.length);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  // Whether the results shown answer what is in the search field now (its requests wait a moment).
  function resultsAreCurrent() {
    var container = picker();
    var results = container ? container.querySelector('#canned-results') : null;
    var field = search();
    return results !== null && field !== null
      && (results.getAttribute('data-xo-canned-q') || '') === field.value.trim();
  }

  function enter() {
    if (resultsAreCurrent()) {
      var all = options();
      if (active >= 0 && all[active]) {
        choose(all[active]);
      }
      return;
    }
    chooseWhenCurrent = true;
    window.htmx.trigger(search(), 'search');
  }

  // Capturing, so that the picker's keys are handled before the page's shortcuts (tickets.js) see them.
  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.target;
    if (target instanceof Element && target.closest('#canned-picker')) {
      switch (event.key) {
        case 'ArrowDown': highlight(active + 1); break;
        case 'ArrowUp': highlight(active - 1); break;
        case 'Enter': enter(); break;
        case 'Escape': close(true); break;
        default: return;
      }
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== '/') {
      return;
    }
    var box = messageBox();
    var inEmptyBox = box !== null && target === box && box.value === '';
    if ((inEmptyBox || !isTyping(target) && !document.querySelector('.modal.show')) && open()) {
      event.preventDefault();
      event.stopPropagation();
    }
  }, true);

  document.addEventListener('click', function (event) {
    if (!(event.target instanceof Element)) {
      return;
    }
    if (event.target.closest('[data-xo-canned-open]')) {
      if (isOpen()) {
        close(true);
      } else {
        open();
      }
      return;
    }
    if (event.target.closest('[data-xo-canned-close]')) {
      close(true);
      return;
    }
    var option = event.target.closest('[data-xo-canned-option]');
    if (option) {
      choose(option);
    } else if (isOpen() && !event.target.closest('#canned-picker')) {
      close(false);
    }
  });

  document.addEventListener('mousemove', function (event) {
    var option = event.target instanceof Element ? event.target.closest('[data-xo-canned-option]') : null;
    if (option) {
      var index = options().indexOf(option);
      if (index !== active) {
        highlight(index, false);
      }
    }
  });

  // The picker arrived, or new results for the search: the first one is the choice, the search has the focus.
  document.addEventListener('htmx:afterSettle', function (event) {
    var container = picker();
    if (!container || container.hidden || !(event.target instanceof Node) || !container.contains(event.target)
        && event.target !== container) {
      return;
    }
    var field = search();
    if (field && !container.contains(document.activeElement)) {
      field.focus();
    }
    highlight(0);
    if (chooseWhenCurrent && resultsAreCurrent()) {
      chooseWhenCurrent = false;
      var first = options()[0];
      if (first) {
        choose(first);
      }
    }
  });
})();
