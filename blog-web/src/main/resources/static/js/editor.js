// The post editor: live preview, autosave and image upload. The page works without it.
(function () {
  "use strict";
  var form = document.getElementById("post-editor");
  if (!form) {
    return;
  }
  var body = form.elements.body;
  var preview = document.getElementById("preview");
  var status = document.getElementById("autosave-status");
  var autosaveUrl = document.getElementById("autosave-url").value;
  var AUTOSAVE_MS = 10000;
  var PREVIEW_MS = 400;
  var previewTimer = null;
  var autosaveTimer = null;

  function csrf() {
    return form.elements._csrf.value;
  }

  function post(url, fields) {
    var data = new URLSearchParams();
    data.append("_csrf", csrf());
    Object.keys(fields).forEach(function (k) { data.append(k, fields[k]); });
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "text/plain, text/html" }
    });
  }

  function refreshPreview() {
    post("/admin/posts/preview", { body: body.value })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      // The server renders and sanitises with the same renderer as the public page.
      .then(function (html) { preview.innerHTML = html; })
      .catch(function () { /* keep the last preview */ });
  }

  function autosave() {
    autosaveTimer = null;
    var fields = {
      title: form.elements.title.value,
      body: body.value,
      excerpt: form.elements.excerpt.value,
      version: form.elements.version.value,
      draft_key: form.elements.draft_key.value
    };
    post(autosaveUrl, fields).then(function (r) {
      status.textContent = r.ok ? "Autosaved at " + new Date().toLocaleTimeString() : "Autosave failed";
    }).catch(function () { status.textContent = "Autosave failed"; });
  }

  function changed() {
    if (previewTimer) {
      clearTimeout(previewTimer);
    }
    previewTimer = setTimeout(refreshPreview, PREVIEW_MS);
    if (!autosaveTimer) {
      autosaveTimer = setTimeout(autosave, AUTOSAVE_MS);
    }
  }

  ["title", "body", "excerpt"].forEach(function (name) {
    form.elements[name].addEventListener("input", changed);
  });

  var previewTitle = document.getElementById("preview-title");
  if (previewTitle) {
    form.elements.title.addEventListener("input", function () {
      previewTitle.textContent = form.elements.title.value.trim() || "Untitled";
    });
  }

  var upload = document.getElementById("media-upload");
  var uploadStatus = document.getElementById("upload-status");
  if (upload) {
    upload.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(upload);
      uploadStatus.textContent = "Uploading…";
      fetch(upload.action, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "Accept": "text/plain" }
      }).then(function (r) {
        return r.text().then(function (text) { return { ok: r.ok, text: text }; });
      }).then(function (res) {
        if (!res.ok) {
          uploadStatus.textContent = res.text;
          return;
        }
        var at = body.selectionStart || body.value.length;
        body.value = body.value.slice(0, at) + res.text + body.value.slice(at);
        uploadStatus.textContent = "Inserted.";
        changed();
      }).catch(function () { uploadStatus.textContent = "Upload failed"; });
    });
  }

  // Categories and tags are comma-separated: suggest existing names for the part being typed,
  // keeping what is already there (a datalist matches the whole value otherwise).
  Array.prototype.forEach.call(form.querySelectorAll("input[data-suggest]"), function (input) {
    var list = input.list;
    if (!list) { return; }
    var known = Array.prototype.map.call(list.options, function (o) { return o.value; });
    input.addEventListener("input", function () {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var head = cut < 0 ? "" : value.slice(0, cut + 1) + " ";
      var typed = value.slice(cut + 1).trim().toLowerCase();
      var chosen = head.split(",").map(function (s) { return s.trim().toLowerCase(); });
      while (list.firstChild) { list.removeChild(list.firstChild); }
      known.filter(function (name) {
        var lower = name.toLowerCase();
        return lower.indexOf(typed) === 0 && chosen.indexOf(lower) < 0;
      }).slice(0, 20).forEach(function (name) {
        var option = document.createElement("option");
        option.value = head + name;
        list.appendChild(option);
      });
    });
  });
})();
