/*
 * Progressive enhancement of the reply form. Without JavaScript everything works through
 * ?replytocom=ID links and a normal POST; with it, "Reply" moves the form under the comment,
 * "Cancel reply" moves it back, a counter shows the length, and the form submits in place.
 */
(function () {
  'use strict';

  function respond() { return document.getElementById('respond'); }
  function home() { return document.getElementById('respond-home'); }

  function field(name) {
    var form = document.getElementById('commentform');
    return form ? form.elements.namedItem(name) : null;
  }

  function setReplyTitle(author) {
    var title = document.getElementById('reply-title');
    var cancel = document.getElementById('cancel-comment-reply-link');
    if (!title || !cancel) { return; }
    title.firstChild.nodeValue = author ? 'Leave a Reply to ' + author + ' ' : 'Leave a Reply ';
    cancel.hidden = !author;
  }

  function moveFormUnder(commentId, author) {
    var item = document.getElementById('comment-' + commentId);
    var box = respond();
    if (!item || !box) { return false; }
    var body = item.querySelector('.comment-body');
    body.parentNode.insertBefore(box, body.nextSibling);
    field('comment_parent').value = commentId;
    setReplyTitle(author);
    field('comment').focus();
    return true;
  }

  function moveFormHome() {
    var box = respond();
    var place = home();
    if (!box || !place) { return; }
    place.parentNode.insertBefore(box, place);
    field('comment_parent').value = '';
    setReplyTitle(null);
  }

  // The counter has an element of its own: the hint beside it (what markup works) stays.
  function updateCounter() {
    var textarea = field('comment');
    var counter = document.getElementById('comment-counter');
    var form = document.getElementById('commentform');
    if (!textarea || !counter || !form) { return; }
    var max = parseInt(form.getAttribute('data-max-length'), 10);
    var used = Array.from(textarea.value).length;
    counter.textContent = used + ' / ' + max + ' characters';
    counter.classList.toggle('over-limit', used > max);
  }

  function showFormError(message) {
    var form = document.getElementById('commentform');
    var error = document.getElementById('form-error');
    if (!error) {
      error = document.createElement('p');
      error.id = 'form-error';
      error.className = 'form-error';
      error.setAttribute('role', 'alert');
      form.insertBefore(error, form.firstChild.nextSibling);
    }
    error.textContent = message;
  }

  function insertComment(html, parentId) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    var item = template.content.firstElementChild;
    var list;
    if (parentId) {
      var parent = document.getElementById('comment-' + parentId);
      list = parent.querySelector(':scope > ol.children');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'children';
        parent.appendChild(list);
      }
    } else {
      list = document.querySelector('#comments > ol.comment-list');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'comment-list';
        home().parentNode.insertBefore(list, home());
      }
    }
    list.appendChild(item);
    return item;
  }

  function submitInPlace(event) {
    var form = event.target;
    if (form.id !== 'commentform' || !window.fetch) { return; }
    // The provider log-in buttons and Log Out / Change send the form elsewhere (formaction):
    // those are ordinary navigations, only "Post Comment" is sent in place.
    if (event.submitter && event.submitter.hasAttribute('formaction')) { return; }
    event.preventDefault();
    var button = document.getElementById('submit');
    button.disabled = true;
    var parentId = field('comment_parent').value;
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { 'X-Requested-With': 'fetch' },
      credentials: 'same-origin',
      redirect: 'error'
    }).then(function (response) {
      return response.text().then(function (text) {
        if (response.status === 202) {
          // Received but not shown (spam rules): nothing to insert.
          field('comment').value = '';
          moveFormHome();
          updateCounter();
        } else if (response.ok) {
          var item = insertComment(text, parentId);
          field('comment').value = '';
          field('form_token').value = response.headers.get('X-Form-Token');
          moveFormHome();
          updateCounter();
          item.scrollIntoView({ block: 'nearest' });
          item.setAttribute('tabindex', '-1');
          item.focus();
        } else if (response.status === 422) {
          var page = new DOMParser().parseFromString(text, 'text/html');
          var fresh = page.getElementById('respond');
          respond().replaceWith(document.importNode(fresh, true));
          updateCounter();
          var alert = document.getElementById('form-error') || document.querySelector('.field-error');
          if (alert) { alert.scrollIntoView({ block: 'nearest' }); }
        } else {
          throw new Error('status ' + response.status);
        }
      });
    }).catch(function () {
      // Nothing typed is lost: the form stays as it was and can be sent again.
      showFormError('Your comment could not be sent just now. Please try again.');
    }).finally(function () {
      var current = document.getElementById('submit');
      if (current) { current.disabled = false; }
    });
  }

  document.addEventListener('click', function (event) {
    var reply = event.target.closest('.comment-reply-link');
    if (reply && moveFormUnder(reply.getAttribute('data-comment-id'), reply.getAttribute('data-author'))) {
      event.preventDefault();
      return;
    }
    if (event.target.id === 'cancel-comment-reply-link') {
      event.preventDefault();
      moveFormHome();
    }
  });
  document.addEventListener('input', function (event) {
    if (event.target.name === 'comment') { updateCounter(); }
  });
  document.addEventListener('submit', submitInPlace);
  updateCounter();
}());
