/* sphinxext.calm_dates: keep the important dates true after the build.
   The build writes every status, countdown, local time and timeline as of its own moment;
   this script only changes text and classes in place (nothing moves), and only when
   something can change: it sleeps until the next status change or the next change of a
   countdown's visible text, and schedules nothing once every date is past. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || undefined;
  var WORDS = { past: "Past", next: "Next", upcoming: "Upcoming" };
  var MAX_DELAY = 2147483647; // setTimeout's limit, about 24.8 days
  var HOUR = 3600000, MINUTE = 60000, DAY = 86400000;
  var started = false, timer = null;

  function unit(value, name) {
    try {
      return new Intl.NumberFormat(lang, { style: "unit", unit: name, unitDisplay: "long" }).format(value);
    } catch (e) {
      return value + " " + name + (value === 1 ? "" : "s");
    }
  }

  function duration(ms) {
    var minutes = Math.floor(ms / MINUTE);
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

  // When duration(ms) will read differently: hourly while days show, else every minute.
  function textChangesIn(ms) {
    var step = ms >= DAY ? HOUR : MINUTE;
    return (ms % step) + 1;
  }

  // A row's (or mark's) UTC bounds, or null when missing or not a date this browser can read.
  function bounds(element) {
    var start = Date.parse(element.dataset.calmStart), end = Date.parse(element.dataset.calmEnd);
    return isNaN(start) || isNaN(end) ? null : { start: start, end: end };
  }

  // Each item on its own: one that cannot be read never stops the others.
  function each(list, work) {
    Array.prototype.forEach.call(list, function (item) {
      try { work(item); } catch (error) { if (window.console) console.warn("calm_dates:", error); }
    });
  }

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  // Keep a block at least as tall as the build made it, so shorter text never pulls the page up.
  function holdHeight(element) {
    if (element && !element.style.minHeight && element.offsetHeight) {
      element.style.minHeight = element.getBoundingClientRect().height + "px";
    }
  }

  function setFlag(row, key) {
    var flag = row.querySelector(".calm-flag");
    if (!flag || flag.classList.contains("calm-flag-" + key)) return;
    flag.className = "calm-flag calm-flag-" + key;
    flag.textContent = WORDS[key];
  }

  function countdownText(label, kind, now, start, end) {
    if (kind === "instant") return label + " closes in " + duration(start - now);
    return now < start ? label + " starts in " + duration(start - now) : label + " ends in " + duration(end - now);
  }

  function untilChange(kind, now, start, end) {
    var target = kind === "instant" || now < start ? start : end;
    return Math.min(textChangesIn(target - now), target - now);
  }

  // The visitor's calendar day of a moment, as "YYYY-MM-DD".
  function localDay(moment) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", { year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date(moment)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.year + "-" + parts.month + "-" + parts.day;
  }

  function dayShift(moment, written) {
    var shift = Math.round((Date.parse(localDay(moment)) - Date.parse(written)) / DAY);
    if (!shift || isNaN(shift)) return "";
    return " (" + (shift > 0 ? "+" : "-") + Math.abs(shift) + " day" + (Math.abs(shift) === 1 ? "" : "s") + ")";
  }

  function localTimes(table) {
    var format = new Intl.DateTimeFormat(lang, {
      weekday: "short", month: "short", day: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short"
    });
    each(table.querySelectorAll("tr[data-calm-kind=instant]"), function (row) {
      var range = bounds(row), span = row.querySelector(".calm-date-local");
      if (!range || !span) return;
      setText(span, "= " + format.format(new Date(range.start)) + dayShift(range.start, row.dataset.calmDay));
    });
  }

  function dayText(moment) {
    return new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", year: "numeric" }).format(new Date(moment));
  }

  function moveToday(svg, now) {
    var from = Date.parse(svg.dataset.calmFrom), to = Date.parse(svg.dataset.calmTo);
    var marker = svg.querySelector(".calm-timeline-now"), label = marker && marker.querySelector("text");
    if (isNaN(from) || isNaN(to) || !marker) return;
    var fraction = (now - from) / Math.max(to - from, 1);
    var x = 4 + 92 * Math.min(Math.max(fraction, 0), 1);
    marker.setAttribute("x", x.toFixed(2) + "%");
    var text = "Today, " + dayText(now), anchor = x < 30 ? "start" : x > 70 ? "end" : "middle";
    if (fraction > 1) { text += ": after these dates \u2192"; anchor = "end"; }
    if (fraction < 0) { text = "\u2190 " + text + ": before these dates"; anchor = "start"; }
    marker.dataset.calmEdge = fraction > 1 ? "after" : fraction < 0 ? "before" : "";
    if (label) { setText(label, text); label.setAttribute("text-anchor", anchor); }
    each(svg.querySelectorAll(".calm-timeline-entry"), function (mark) {
      var range = bounds(mark);
      if (range) mark.classList.toggle("calm-timeline-past", now >= range.end);
    });
  }

  // One table as of now; returns when it next needs a look (Infinity: never).
  function updateTable(table, now, announce) {
    var next = null, dated = 0, wake = Infinity;
    each(table.querySelectorAll("tr[data-calm-end]"), function (row) {
      var range = bounds(row);
      if (!range) return;
      var past = now >= range.end, header = row.querySelector("th");
      dated++;
      if (past && !row.classList.contains("calm-date-past") && announce && header) {
        announce.push(header.textContent + (row.dataset.calmKind === "instant" ? " has closed." : " has ended."));
      }
      row.classList.toggle("calm-date-past", past);
      if (!past) {
        wake = Math.min(wake, range.end - now);
        if (!next || range.start < next.start) next = { row: row, start: range.start, end: range.end };
      }
    });
    each(table.querySelectorAll("tr[data-calm-end]"), function (row) {
      if (!bounds(row)) return; // an unreadable row keeps what the build wrote
      var isNext = next !== null && row === next.row;
      row.classList.toggle("calm-date-next", isNext);
      setFlag(row, isNext ? "next" : row.classList.contains("calm-date-past") ? "past" : "upcoming");
    });
    var wrapper = table.closest(".calm-dates-wrapper");
    var countdown = wrapper && wrapper.querySelector(".calm-dates-countdown");
    holdHeight(countdown);
    if (next) {
      var header = next.row.querySelector("th"), kind = next.row.dataset.calmKind;
      setText(countdown, countdownText(header ? header.textContent : "The next date", kind, now, next.start, next.end));
      wake = Math.min(wake, untilChange(kind, now, next.start, next.end));
    } else if (countdown) {
      setText(countdown, dated ? "All dates have passed." : "");
    }
    if (countdown) countdown.hidden = !countdown.textContent;
    setText(table.querySelector(".calm-dates-as-of"), "(live status)");
    var svg = wrapper && wrapper.querySelector(".calm-dates-timeline");
    if (svg) moveToday(svg, now);
    return wake;
  }

  // The home page's "next date": the first entry, across the site, that is not over.
  // Its line is rebuilt whole when it changes (new nodes are not moved nodes), and never shrinks.
  function updateNextDate(box, now) {
    var entries = JSON.parse(box.dataset.calmEntries || "[]"), wake = Infinity;
    var next = entries.filter(function (e) { return now < Date.parse(e.end); })[0];
    var line = box.querySelector(".calm-next-date-line"), link = box.querySelector("a.calm-next-date-link");
    if (!line) return wake;
    holdHeight(line);
    var parts;
    if (next) {
      var start = Date.parse(next.start), end = Date.parse(next.end);
      parts = [next.label, next.text, next.datetime, countdownText("", next.kind, now, start, end).trim()];
      if (link && next.href && link.getAttribute("href") !== next.href) link.setAttribute("href", next.href);
      wake = Math.min(end - now, untilChange(next.kind, now, start, end));
    } else {
      parts = ["All dates have passed."];
      box.classList.add("calm-next-date-none");
    }
    var key = JSON.stringify(parts);
    if (line.dataset.calmShown === key) return wake;
    line.dataset.calmShown = key;
    var shown = document.createDocumentFragment();
    function add(tag, cls, text) {
      var element = document.createElement(tag);
      if (cls) element.className = cls;
      element.textContent = text;
      shown.appendChild(element);
      return element;
    }
    if (next) {
      shown.appendChild(document.createTextNode("Next: "));
      add("strong", "calm-next-date-label", parts[0]);
      shown.appendChild(document.createTextNode(", "));
      add("time", "calm-next-date-when", parts[1]).setAttribute("datetime", parts[2]);
      shown.appendChild(document.createTextNode(": "));
      add("span", "calm-next-date-countdown", parts[3]).setAttribute("role", "timer");
    } else {
      add("strong", "calm-next-date-label", parts[0]);
    }
    line.replaceChildren(shown);
    return wake;
  }

  function run() {
    clearTimeout(timer);
    var now = Date.now(), wake = Infinity;
    each(document.querySelectorAll("table.calm-dates"), function (table) {
      var said = started ? [] : null;
      wake = Math.min(wake, updateTable(table, now, said));
      if (said && said.length) {
        var wrapper = table.closest(".calm-dates-wrapper");
        var region = wrapper && wrapper.querySelector(".calm-dates-announce");
        if (region) region.textContent = said.join(" ");
      }
    });
    each(document.querySelectorAll(".calm-next-date"), function (box) {
      wake = Math.min(wake, updateNextDate(box, now));
    });
    started = true;
    if (wake < Infinity) timer = setTimeout(run, Math.min(Math.max(wake, 50), MAX_DELAY));
  }

  function start() {
    each(document.querySelectorAll("table.calm-dates"), localTimes);
    run();
    // Timers sleep in background tabs; catch up when the page is seen again.
    document.addEventListener("visibilitychange", function () { if (!document.hidden) run(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
