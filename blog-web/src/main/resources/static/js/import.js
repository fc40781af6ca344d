// The import screen: sends the chosen WordPress export with XMLHttpRequest, showing the upload's
// progress, then the import's, which the server reports line by line ("progress READ TOTAL ITEMS",
// then "done STATUS" and the page), and shows the page's report in place. Without this script the
// form posts as a plain form and the page comes back when the import is done.
(function () {
  'use strict';

  function kib(bytes) {
    return Math.max(1, Math.round(bytes / 1024)).toLocaleString('en') + ' KiB';
  }

  /** What the server has said so far: the last progress line, and the page once it is done. */
  function read(text) {
    var said = { progress: null, status: null, page: null };
    var at = 0;
    while (at < text.length) {
      var end = text.indexOf('\n', at);
      if (end < 0) {
        break;
      }
      var line = text.slice(at, end);
      at = end + 1;
      var words = line.split(' ');
      if (words[0] === 'progress') {
        said.progress = { read: +words[1], total: +words[2], items: +words[3] };
      } else if (words[0] === 'done') {
        said.status = +words[1];
        said.page = text.slice(at);
        break;
      } else {
        break;
      }
    }
    return said;
  }

  /** Puts the main part of an answered page in place of this one's, and the focus on its news. */
  function showPage(html, note) {
    var page = new DOMParser().parseFromString(html, 'text/html');
    var main = page.querySelector('main');
    if (!main) {
      return false;
    }
    document.querySelector('main').replaceWith(document.adoptNode(main));
    if (page.title) {
      document.title = page.title;
    }
    start();
    var box = document.querySelector('.import-progress');
    if (box && note) {
      box.hidden = false;
      var bar = document.getElementById('import-bar');
      bar.max = 1;
      bar.value = 1;
      document.getElementById('import-status').textContent = note;
    }
    var news = document.querySelector('main .form-error, main #import-report');
    if (news) {
      news.focus();
    }
    return true;
  }

  function send(form) {
    var box = form.querySelector('.import-progress');
    var bar = document.getElementById('import-bar');
    var status = document.getElementById('import-status');
    var button = form.querySelector('button[type=submit]');
    var xhr = new XMLHttpRequest();
    var items = 0;
    box.hidden = false;
    button.disabled = true;
    bar.max = 100;
    bar.value = 0;
    status.textContent = 'Uploading…';

    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.max = e.total;
        bar.value = e.loaded;
        status.textContent = 'Uploading: ' + kib(e.loaded) + ' of ' + kib(e.total);
      }
    });
    xhr.upload.addEventListener('load', function () {
      bar.removeAttribute('value');
      status.textContent = 'Uploaded. Importing…';
    });
    xhr.addEventListener('progress', function () {
      var said = read(xhr.responseText);
      if (said.progress) {
        items = said.progress.items;
        if (said.progress.total > 0) {
          bar.max = said.progress.total;
          bar.value = said.progress.read;
        }
        status.textContent =
          'Importing: ' + items + ' items read, ' + kib(said.progress.read) +
          (said.progress.total > 0 ? ' of ' + kib(said.progress.total) : '');
      }
    });
    xhr.addEventListener('load', function () {
      var said = read(xhr.responseText);
      var shown = said.page !== null
        ? showPage(said.page, said.status === 200
          ? 'Import finished: ' + (said.progress ? said.progress.items : items) + ' items read.'
          : 'Import refused.')
        : showPage(xhr.responseText, 'Upload refused (' + xhr.status + ').');
      if (!shown) {
        failed('The server answered ' + xhr.status + ' without a page.');
      }
    });
    xhr.addEventListener('error', function () {
      failed('The upload failed: the connection was lost. Nothing may have been imported.');
    });

    function failed(message) {
      button.disabled = false;
      bar.value = 0;
      status.textContent = message;
    }

    xhr.open('POST', form.action);
    xhr.setRequestHeader('X-Import-Progress', 'lines');
    xhr.send(new FormData(form));
  }

  function start() {
    var form = document.querySelector('form.import-form');
    if (!form || !window.FormData || !window.DOMParser) {
      return;
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      send(form);
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
