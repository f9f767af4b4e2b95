// The agent's ticket pages: keyboard shortcuts (j/k in the list; r, n, s, a on a ticket; ? for all of
// them) and the composer's Reply/Note switch. Plain JavaScript; the Content Security Policy allows no
// inline script, so the pages only carry data-* attributes that this file reads.
(function () {
  'use strict';

  function isTyping(target) {
    return target instanceof Element
      && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !== null;
  }

  function moveInList(step) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('[data-xo-row]'));
    if (rows.length === 0) {
      return false;
    }
    var index = rows.indexOf(document.querySelector('[data-xo-row].xo-row-current'));
    var next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
    rows.forEach(function (row) { row.classList.remove('xo-row-current'); });
    rows[next].classList.add('xo-row-current');
    var link = rows[next].querySelector('a');
    if (link) {
      link.focus();
    }
    rows[next].scrollIntoView({ block: 'nearest' });
    return true;
  }

  // On a ticket, j and k open the agent's next or previous conversation.
  function nextConversation(step) {
    var page = document.querySelector('[data-xo-next]');
    if (!page) {
      return false;
    }
    window.location.assign(page.getAttribute('data-xo-next') + '?step=' + step);
    return true;
  }

  function chooseTab(kind) {
    var tab = document.getElementById('kind-' + kind);
    if (!tab || tab.disabled) {
      return false;
    }
    tab.checked = true;
    tab.dispatchEvent(new Event('change', { bubbles: true }));
    var body = document.getElementById('composer-body');
    if (body) {
      body.focus();
    }
    return true;
  }

  // Sets a field of the side panel, which saves itself on change.
  function setField(id, value) {
    var select = document.getElementById(id);
    if (!select || !value || select.disabled || select.closest('fieldset:disabled')) {
      return false;
    }
    var option = Array.prototype.find.call(select.options, function (o) { return o.value === value; });
    if (!option || select.value === value) {
      return false;
    }
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return true;
  }

  function showShortcuts() {
    var dialog = document.getElementById('xo-shortcuts');
    if (!dialog || !window.tabler) {
      return false;
    }
    window.tabler.Modal.getOrCreateInstance(dialog).show();
    return true;
  }

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented) {
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      var composer = event.target instanceof Element && event.target.closest('[data-xo-composer]');
      if (composer) {
        event.preventDefault();
        composer.requestSubmit();
      }
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (isTyping(event.target)) {
      if (event.key === 'Escape') {
        // Leaving a field is final: an answer that settles afterwards must not pull the focus back.
        focusedField = null;
        event.target.blur();
      }
      return;
    }
    if (document.querySelector('.modal.show')) {
      return;
    }
    var assignee = document.getElementById('field-assignee');
    var handled;
    switch (event.key) {
      case 'j': handled = moveInList(1) || nextConversation(1); break;
      case 'k': handled = moveInList(-1) || nextConversation(-1); break;
      case 'r': handled = chooseTab('reply'); break;
      case 'n': handled = chooseTab('note'); break;
      case 's': handled = setField('field-status', 'solved'); break;
      case 'a': handled = assignee ? setField('field-assignee', assignee.getAttribute('data-me')) : false; break;
      case '?': handled = showShortcuts(); break;
      default: handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });

  document.addEventListener('click', function (event) {
    if (event.target instanceof Element && event.target.closest('[data-xo-shortcuts-open]')) {
      showShortcuts();
    }
  });

  // The composer: what it says and where its hint points follow the chosen tab. A note never carries a
  // file, because attachments are visible to the customer.
  function syncComposer(form) {
    var note = form.querySelector('#kind-note');
    var isNote = note !== null && note.checked;
    var body = form.querySelector('#composer-body');
    if (body) {
      body.placeholder = body.getAttribute(isNote ? 'data-placeholder-note' : 'data-placeholder-reply') || '';
      var described = [isNote ? 'composer-hint-note' : 'composer-hint-reply'];
      if (body.getAttribute('aria-invalid') === 'true') {
        described.push('composer-error');
      }
      body.setAttribute('aria-describedby', described.join(' '));
    }
    var file = form.querySelector('#composer-file');
    if (file && isNote) {
      file.value = '';
    }
    showFileName(form);
  }

  function showFileName(form) {
    var file = form.querySelector('[data-xo-file]');
    var name = form.querySelector('[data-xo-file-name]');
    if (file && name) {
      name.textContent = file.files && file.files.length ? file.files[0].name : '';
    }
  }

  // The newest entries are at the bottom of the conversation: show them.
  function scrollToNewest() {
    var timeline = document.getElementById('timeline');
    if (timeline && timeline.scrollHeight > timeline.clientHeight) {
      timeline.scrollTop = timeline.scrollHeight;
    }
  }

  document.addEventListener('change', function (event) {
    var form = event.target instanceof Element && event.target.closest('[data-xo-composer]');
    if (form && event.target.name === 'kind') {
      syncComposer(form);
    } else if (form && event.target.hasAttribute('data-xo-file')) {
      showFileName(form);
    }
  });

  // A form that saves itself on change must not also be submitted by Enter in its text field.
  document.addEventListener('submit', function (event) {
    if (event.target instanceof Element && event.target.hasAttribute('data-xo-autosave')) {
      event.preventDefault();
    }
  });

  // The ticket's fields come back from the server after each change; whoever changed one with the
  // keyboard stays on it (WCAG 2.4.3).
  var focusedField = null;
  document.addEventListener('htmx:beforeRequest', function (event) {
    var active = document.activeElement;
    focusedField = active && active.id && event.target instanceof Element && event.target.contains(active)
      ? active.id : null;
  });

  function restoreFocus() {
    if (!focusedField) {
      return;
    }
    var active = document.activeElement;
    if (!active || active === document.body) {
      var field = document.getElementById(focusedField);
      if (field) {
        field.focus();
      }
    }
    focusedField = null;
  }

  // A composer sent back by the server (empty after a message, or with an error) is set up again.
  document.addEventListener('htmx:afterSettle', function () {
    var composer = document.querySelector('[data-xo-composer]');
    if (composer) {
      syncComposer(composer);
    }
    scrollToNewest();
    restoreFocus();
  });

  function init() {
    var composer = document.querySelector('[data-xo-composer]');
    if (composer) {
      syncComposer(composer);
    }
    scrollToNewest();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
