/*
 * Cairn tracker. Load it on every tracked page:
 *   <script src="https://CAIRN_HOST/cairn.js" data-site="SITE_ID" async></script>
 *
 * Options, as data attributes on the script tag:
 *   data-site          the site id registered in Cairn (required)
 *   data-endpoint      the collector URL (default: /api/v1/collect on the script's origin)
 *   data-consent       "pending" starts without a cookie or events until cairn.grantConsent()
 *   data-respect-gpc   "false" tracks browsers that send Global Privacy Control (default: "true")
 */
(function () {
  "use strict";

  var COOKIE = "cairn_vid";
  var COOKIE_MAX_AGE_SECONDS = 396 * 24 * 60 * 60; // 13 months
  var TOKEN_PARAMETER = "cairn_token";

  var script = document.currentScript;
  if (!script) {
    return;
  }
  var site = script.getAttribute("data-site");
  var endpoint = script.getAttribute("data-endpoint") || new URL("/api/v1/collect", script.src).href;
  var consentPending = script.getAttribute("data-consent") === "pending";
  var respectGpc = script.getAttribute("data-respect-gpc") !== "false";
  var gpc = respectGpc && navigator.globalPrivacyControl === true;

  var pendingToken = takeTokenFromAddressBar();
  var visitorId = null;
  var lastUrl = null;

  /* Reads the email-link token and removes it from the address bar. Only that parameter is
     removed: the rest of the query string stays exactly as written. */
  function takeTokenFromAddressBar() {
    var query = window.location.search.substring(1);
    if (query.indexOf(TOKEN_PARAMETER + "=") < 0) {
      return null;
    }
    var token = null;
    var remaining = query.split("&").filter(function (pair) {
      if (pair.indexOf(TOKEN_PARAMETER + "=") === 0) {
        token = pair.substring(TOKEN_PARAMETER.length + 1);
        return false;
      }
      return true;
    });
    if (!token) {
      return null;
    }
    var url = window.location.pathname + (remaining.length ? "?" + remaining.join("&") : "") + window.location.hash;
    // Runs before history is patched below, so removing the token does not count as a page view.
    window.history.replaceState(window.history.state, "", url);
    return token;
  }

  function randomId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    var hex = "";
    for (var i = 0; i < bytes.length; i++) {
      hex += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    }
    return hex;
  }

  function readCookie() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([0-9a-f]{32})(?:;|$)"));
    return match ? match[1] : null;
  }

  function writeCookie(value, domain) {
    var cookie = COOKIE + "=" + value + "; Max-Age=" + COOKIE_MAX_AGE_SECONDS + "; Path=/; SameSite=Lax";
    if (domain) {
      cookie += "; Domain=" + domain;
    }
    if (window.location.protocol === "https:") {
      cookie += "; Secure";
    }
    document.cookie = cookie;
  }

  /* Sets the cookie on the registrable domain: the shortest parent domain that accepts cookies,
     because browsers refuse cookies on public suffixes such as "co.uk". */
  function storeVisitorId(value) {
    var host = window.location.hostname;
    var isIp = /^[0-9.]+$/.test(host) || host.indexOf(":") >= 0;
    if (isIp || host.indexOf(".") < 0) {
      writeCookie(value, null);
      return;
    }
    var parts = host.split(".");
    for (var i = parts.length - 2; i >= 0; i--) {
      var domain = parts.slice(i).join(".");
      writeCookie(value, domain);
      if (readCookie() === value) {
        return;
      }
    }
    writeCookie(value, null);
  }

  function ensureVisitorId() {
    if (visitorId) {
      return visitorId;
    }
    visitorId = readCookie() || randomId();
    storeVisitorId(visitorId); // renews the 13 months on every visit
    return visitorId;
  }

  function send(events) {
    var body = JSON.stringify(events.length === 1 ? events[0] : { events: events });
    var blob = new Blob([body], { type: "text/plain" });
    if (navigator.sendBeacon && navigator.sendBeacon(endpoint, blob)) {
      return;
    }
    fetch(endpoint, { method: "POST", body: body, keepalive: true, mode: "cors",
      headers: { "Content-Type": "text/plain" } }).catch(function () {});
  }

  function trackPageview() {
    if (!canTrack()) {
      return;
    }
    var url = window.location.href;
    if (url === lastUrl) {
      return;
    }
    var event = {
      site: site,
      visitorId: ensureVisitorId(),
      type: "pageview",
      url: url,
      title: document.title,
      referrer: lastUrl || document.referrer || null,
      eventId: randomId()
    };
    if (pendingToken) {
      event.token = pendingToken;
      pendingToken = null;
    }
    lastUrl = url;
    send([event]);
  }

  function canTrack() {
    return site && !consentPending && !gpc;
  }

  function isCairnForm(form) {
    if (form.hasAttribute("data-cairn-form")) {
      return true;
    }
    var action = form.getAttribute("action") || "";
    try {
      var target = new URL(action, window.location.href);
      return target.origin === new URL(endpoint).origin && target.pathname.indexOf("/f/") === 0;
    } catch (e) {
      return false;
    }
  }

  function tagForms() {
    if (!canTrack()) {
      return;
    }
    var forms = document.getElementsByTagName("form");
    for (var i = 0; i < forms.length; i++) {
      var form = forms[i];
      if (!isCairnForm(form)) {
        continue;
      }
      var input = form.querySelector("input[name=visitorId]");
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "visitorId";
        form.appendChild(input);
      }
      input.value = ensureVisitorId();
    }
  }

  function patchHistory() {
    ["pushState", "replaceState"].forEach(function (name) {
      var original = window.history[name];
      window.history[name] = function () {
        var result = original.apply(this, arguments);
        setTimeout(trackPageview, 0);
        return result;
      };
    });
    window.addEventListener("popstate", trackPageview);
  }

  function start() {
    trackPageview();
    tagForms();
    if (window.MutationObserver) {
      new MutationObserver(tagForms).observe(document.documentElement, { childList: true, subtree: true });
    }
  }

  window.cairn = {
    /** Starts tracking on a page loaded with data-consent="pending", after the visitor agreed. */
    grantConsent: function () {
      if (consentPending) {
        consentPending = false;
        start();
      }
    },
    /** Returns the visitor id, or null while tracking is off. */
    visitorId: function () {
      return canTrack() ? ensureVisitorId() : null;
    },
    trackPageview: trackPageview
  };

  patchHistory();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
