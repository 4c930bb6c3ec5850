/* sphinxext.calm_dates: keep an important-dates table true after the build.
   Re-evaluates Past / Next from the rows' UTC bounds on load and every minute,
   shows a countdown to the next entry, and each deadline in the visitor's zone. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  var WORDS = { past: "Past", next: "Next", upcoming: "Upcoming" };

  function unit(value, name) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
    } catch (e) {
      return value + " " + name + (value === 1 ? "" : "s");
    }
  }

  function duration(ms) {
    var minutes = Math.floor(ms / 60000);
    var d = Math.floor(minutes / 1440), h = Math.floor((minutes % 1440) / 60), m = minutes % 60;
    var parts = d ? [[d, "day"], [h, "hour"]] : h ? [[h, "hour"], [m, "minute"]] : [[m, "minute"]];
    parts = parts.filter(function (p, i) { return p[0] || i === 0; });
    if (!minutes) return unit(1, "minute");
    var words = parts.map(function (p) { return unit(p[0], p[1]); });
    try {
      return new Intl.ListFormat(lang, { style: "long", type: "unit" }).format(words);
    } catch (e) {
      return words.join(", ");
    }
  }

  function setFlag(row, key) {
    var flag = row.querySelector(".calm-flag");
    flag.className = "calm-flag calm-flag-" + key;
    flag.textContent = WORDS[key];
  }

  function localTimes(table) {
    var format = new Intl.DateTimeFormat(lang, {
      weekday: "short", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
    });
    table.querySelectorAll("tr[data-calm-kind=instant] .calm-date-local").forEach(function (span) {
      span.textContent = "= " + format.format(new Date(span.closest("tr").dataset.calmStart));
    });
  }

  function update(table) {
    var now = Date.now(), next = null, dated = 0;
    table.querySelectorAll("tr[data-calm-end]").forEach(function (row) {
      var start = Date.parse(row.dataset.calmStart), past = now >= Date.parse(row.dataset.calmEnd);
      dated++;
      row.classList.toggle("calm-date-past", past);
      row.classList.remove("calm-date-next");
      setFlag(row, past ? "past" : "upcoming");
      if (!past && (!next || start < next.start)) next = { row: row, start: start };
    });
    var countdown = table.parentNode.querySelector(".calm-dates-countdown");
    if (next) {
      next.row.classList.add("calm-date-next");
      setFlag(next.row, "next");
      var label = next.row.querySelector("th").textContent, row = next.row;
      var verb = row.dataset.calmKind === "instant" ? " closes in " : now < next.start ? " starts in " : " ends in ";
      var until = now < next.start ? next.start : Date.parse(row.dataset.calmEnd);
      countdown.textContent = label + verb + duration(until - now);
    } else {
      countdown.textContent = dated ? "All dates have passed." : "";
    }
    countdown.hidden = !countdown.textContent;
    table.querySelector(".calm-dates-as-of").textContent = "(live status, updated every minute)";
  }

  function start() {
    var tables = document.querySelectorAll("table.calm-dates");
    tables.forEach(localTimes);
    function all() { tables.forEach(update); }
    all();
    setInterval(all, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
