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
    if (!flag) return;
    flag.className = "calm-flag calm-flag-" + key;
    flag.textContent = WORDS[key];
  }

  // A row's UTC bounds, or null when they are missing or not a date this browser can read.
  function bounds(row) {
    var start = Date.parse(row.dataset.calmStart), end = Date.parse(row.dataset.calmEnd);
    return isNaN(start) || isNaN(end) ? null : { start: start, end: end };
  }

  // Each table and each row on its own: one that cannot be read never stops the others.
  function each(list, work) {
    Array.prototype.forEach.call(list, function (item) {
      try { work(item); } catch (error) { if (window.console) console.warn("calm_dates:", error); }
    });
  }

  function localTimes(table) {
    var format = new Intl.DateTimeFormat(lang, {
      weekday: "short", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
    });
    each(table.querySelectorAll("tr[data-calm-kind=instant] .calm-date-local"), function (span) {
      var range = bounds(span.closest("tr"));
      if (range) span.textContent = "= " + format.format(new Date(range.start));
    });
  }

  function update(table) {
    var now = Date.now(), next = null, dated = 0;
    each(table.querySelectorAll("tr[data-calm-end]"), function (row) {
      var range = bounds(row);
      if (!range) return;
      var past = now >= range.end;
      dated++;
      row.classList.toggle("calm-date-past", past);
      row.classList.remove("calm-date-next");
      setFlag(row, past ? "past" : "upcoming");
      if (!past && (!next || range.start < next.start)) next = { row: row, start: range.start, end: range.end };
    });
    // Themes may wrap the table (furo: div.table-wrapper); the countdown sits in our own wrapper.
    var wrapper = table.closest(".calm-dates-wrapper");
    var countdown = wrapper && wrapper.querySelector(".calm-dates-countdown");
    if (next) {
      next.row.classList.add("calm-date-next");
      setFlag(next.row, "next");
      var header = next.row.querySelector("th"), row = next.row;
      var label = header ? header.textContent : "The next date";
      var verb = row.dataset.calmKind === "instant" ? " closes in " : now < next.start ? " starts in " : " ends in ";
      var until = now < next.start ? next.start : next.end;
      if (countdown) countdown.textContent = label + verb + duration(until - now);
    } else if (countdown) {
      countdown.textContent = dated ? "All dates have passed." : "";
    }
    if (countdown) countdown.hidden = !countdown.textContent;
    var asOf = table.querySelector(".calm-dates-as-of");
    if (asOf) asOf.textContent = "(live status, updated every minute)";
  }

  function start() {
    var tables = document.querySelectorAll("table.calm-dates");
    each(tables, localTimes);
    function all() { each(tables, update); }
    all();
    setInterval(all, 60000);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
