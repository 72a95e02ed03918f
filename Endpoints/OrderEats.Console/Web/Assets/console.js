// The OrderEats console's one script (the Content-Security-Policy allows no inline script). Everything works without it; it adds:
// select-all and a selection count, relative times that keep up, and live pages: the page is fetched again every few seconds and its
// [data-live-region] parts are replaced. Paused while the tab is hidden; held while the operator selects or types in a region; on errors it
// waits longer each time (5 s, 10 s, 20 s … 60 s). The indicator in the top bar says which.
(function () {
  "use strict";
  var indicator = document.getElementById("live-indicator");
  var live = document.body.getAttribute("data-live") === "on" && indicator !== null;
  var normalDelay = 5000, maxDelay = 60000, delay = normalDelay, timer = null, inFlight = false, lastUpdate = null;

  function formatRelative(date) {
    var seconds = (Date.now() - date.getTime()) / 1000, future = seconds < 0, s = Math.abs(seconds), text;
    if (s < 5) return "just now";
    if (s < 60) text = Math.floor(s) + " s";
    else if (s < 3600) text = Math.floor(s / 60) + " min";
    else if (s < 172800) text = Math.floor(s / 3600) + " h";
    else text = Math.floor(s / 86400) + " d";
    return future ? "in " + text : text + " ago";
  }

  function refreshTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (t) {
      var date = new Date(t.getAttribute("datetime"));
      if (!isNaN(date.getTime())) t.textContent = formatRelative(date);
    });
  }

  function updateSelection() {
    document.querySelectorAll("form.selection").forEach(function (form) {
      var boxes = form.querySelectorAll("input[name=ids]"), checked = 0;
      boxes.forEach(function (b) { if (b.checked) checked++; });
      var counter = form.querySelector("[data-selected-count]");
      if (counter) counter.textContent = checked === 0 ? "Select messages to act on them" : checked + " selected";
      var all = form.querySelector("[data-select-all]");
      if (all) { all.checked = checked > 0 && checked === boxes.length; all.indeterminate = checked > 0 && checked < boxes.length; }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches && target.matches("[data-select-all]")) {
      target.closest("form").querySelectorAll("input[name=ids]").forEach(function (b) { b.checked = target.checked; });
    }
    if (target.matches && (target.matches("[data-select-all]") || target.matches("input[name=ids]"))) updateSelection();
  });

  function show(state, text) {
    if (!indicator) return;
    indicator.hidden = false;
    indicator.setAttribute("data-state", state);
    indicator.textContent = text;
  }

  function busy(region) {
    // The operator is working in this region: do not replace it under their hands.
    if (region.querySelector("input[name=ids]:checked")) return true;
    var active = document.activeElement;
    return active && active !== document.body && region.contains(active) && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName);
  }

  function schedule(ms) {
    clearTimeout(timer);
    if (!document.hidden) timer = setTimeout(poll, ms);
  }

  function poll() {
    if (inFlight || document.hidden) return;
    inFlight = true;
    fetch(location.href, { headers: { "X-Console-Live": "1" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (response.redirected && /\/login(\?|$)/.test(new URL(response.url).pathname + new URL(response.url).search)) {
          throw { signedOut: true };
        }
        if (!response.ok && response.status !== 400) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html"), held = 0;
        document.querySelectorAll("[data-live-region]").forEach(function (region) {
          var replacement = region.id ? fresh.getElementById(region.id) : null;
          if (!replacement || replacement.innerHTML === region.innerHTML) return;
          if (busy(region)) { held++; return; }
          region.innerHTML = replacement.innerHTML;
        });
        refreshTimes(document);
        updateSelection();
        lastUpdate = new Date();
        delay = normalDelay;
        if (held > 0) show("held", "New data held while you select");
        else show("live", "Live · updated " + lastUpdate.toLocaleTimeString());
        schedule(delay);
      })
      .catch(function (error) {
        if (error && error.signedOut) { show("signedout", "Signed out — reload to log in"); return; }
        delay = Math.min(delay * 2, maxDelay);
        show("offline", "Console unreachable — retrying in " + Math.round(delay / 1000) + " s");
        schedule(delay);
      })
      .finally(function () { inFlight = false; });
  }

  document.addEventListener("visibilitychange", function () {
    if (!live) return;
    if (document.hidden) {
      clearTimeout(timer);
      show("paused", "Paused while the tab is hidden");
    } else {
      delay = normalDelay;
      poll();
    }
  });

  updateSelection();
  refreshTimes(document);
  setInterval(function () { if (!document.hidden) refreshTimes(document); }, 30000);
  if (live) {
    show("live", "Live");
    schedule(delay);
  }
})();
