// Passkeys in the admin: "Log in with a passkey" on the log-in page and "Add a passkey" on the
// account page. Each asks the server for a challenge (a POST carrying the form's CSRF token), lets
// the browser make or use the passkey, and posts the answer in the form's hidden fields, base64url
// encoded, as a plain form: the server's answer is a page like any other. Without this script (or
// in a browser without WebAuthn) the buttons stay hidden or disabled.
(function () {
  'use strict';

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var text = atob(base64);
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      out[i] = text.charCodeAt(i);
    }
    return out;
  }

  function base64url(buffer) {
    var view = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < view.length; i++) {
      text += String.fromCharCode(view[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function challenge(form) {
    return fetch(form.getAttribute('data-options'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: form.elements._csrf.value }).toString()
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('The blog did not answer (' + response.status + '). Please reload the page.');
      }
      return response.json();
    });
  }

  function say(form, text) {
    form.querySelector('.passkey-status').textContent = text;
  }

  function failed(form, error) {
    if (error && error.name === 'NotAllowedError') {
      say(form, 'The passkey was not used (cancelled, or it took too long). You can try again.');
    } else if (error && error.name === 'InvalidStateError') {
      say(form, 'This device already has a passkey for your account here.');
    } else {
      say(form, (error && error.message) || 'The passkey did not work. Please try again.');
    }
  }

  function logIn(form) {
    say(form, 'Waiting for your passkey…');
    challenge(form)
      .then(function (o) {
        return navigator.credentials.get({
          publicKey: {
            challenge: bytes(o.challenge),
            rpId: o.rpId,
            timeout: o.timeout,
            userVerification: 'preferred',
            allowCredentials: []
          }
        });
      })
      .then(function (credential) {
        var r = credential.response;
        form.elements.credential_id.value = base64url(credential.rawId);
        form.elements.client_data_json.value = base64url(r.clientDataJSON);
        form.elements.authenticator_data.value = base64url(r.authenticatorData);
        form.elements.signature.value = base64url(r.signature);
        form.elements.user_handle.value = r.userHandle ? base64url(r.userHandle) : '';
        say(form, 'Logging in…');
        form.submit();
      })
      .catch(function (error) {
        failed(form, error);
      });
  }

  function register(form) {
    var name = form.elements.name;
    if (!name.value.trim()) {
      name.focus();
      say(form, 'Please give the passkey a name first.');
      return;
    }
    say(form, 'Waiting for your device…');
    challenge(form)
      .then(function (o) {
        return navigator.credentials.create({
          publicKey: {
            challenge: bytes(o.challenge),
            rp: { id: o.rpId, name: o.rpName },
            user: { id: bytes(o.userHandle), name: o.userName, displayName: o.userDisplayName },
            pubKeyCredParams: o.algorithms.map(function (alg) {
              return { type: 'public-key', alg: alg };
            }),
            excludeCredentials: o.excludeCredentials.map(function (id) {
              return { type: 'public-key', id: bytes(id) };
            }),
            authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
            attestation: 'none',
            timeout: o.timeout
          }
        });
      })
      .then(function (credential) {
        var r = credential.response;
        form.elements.client_data_json.value = base64url(r.clientDataJSON);
        form.elements.attestation_object.value = base64url(r.attestationObject);
        form.elements.transports.value = r.getTransports ? r.getTransports().join(',') : '';
        say(form, 'Saving the passkey…');
        form.submit();
      })
      .catch(function (error) {
        failed(form, error);
      });
  }

  var supported = !!(window.PublicKeyCredential && navigator.credentials);
  document.querySelectorAll('[data-passkey-login]').forEach(function (form) {
    if (!supported) {
      return;
    }
    form.hidden = false;
    form.querySelector('.passkey-start').addEventListener('click', function () {
      logIn(form);
    });
  });
  document.querySelectorAll('[data-passkey-register]').forEach(function (form) {
    var start = form.querySelector('.passkey-start');
    if (!supported) {
      say(form, 'This browser cannot make passkeys.');
      return;
    }
    start.disabled = false;
    start.addEventListener('click', function () {
      register(form);
    });
    form.addEventListener('submit', function (event) {
      // Enter in the name field: start the ceremony instead of posting an empty answer.
      if (!form.elements.attestation_object.value) {
        event.preventDefault();
        register(form);
      }
    });
  });
})();
