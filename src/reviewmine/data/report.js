// reviewmine report: renders the embedded JSON.  Document text only ever reaches
// the page through textContent / createTextNode, never through HTML parsing.
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("report-data").textContent);
  var VIEW = document.getElementById("view");
  var MAX_RESULTS = 50;
  var state = { q: "", type: "", area: "", year: "", kind: "", theme: "", shown: MAX_RESULTS };
  var themeState = { type: "", area: "", year: "", kind: "", shown: MAX_RESULTS };
  var themeById = {};
  DATA.themes.forEach(function (t) { themeById[t.id] = t; });
  DATA.items.forEach(function (it, i) { it.i = i; });

  // ---------------------------------------------------------------- helpers
  function el(tag, props) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        var value = props[key];
        if (value === null || value === undefined || value === false) { return; }
        if (key === "text") { node.textContent = String(value); }
        else if (key === "className") { node.className = value; }
        else if (key.slice(0, 2) === "on") { node.addEventListener(key.slice(2), value); }
        else { node.setAttribute(key, value === true ? "" : String(value)); }
      });
    }
    for (var i = 2; i < arguments.length; i++) { add(node, arguments[i]); }
    return node;
  }
  function add(node, child) {
    if (child === null || child === undefined || child === false) { return; }
    if (Array.isArray(child)) { child.forEach(function (c) { add(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function plural(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }
  function themeName(id) { return themeById[id] ? themeById[id].name : id; }
  function typeLabel(t) { return DATA.docTypes[t] || t; }
  function kindLabel(k) { return DATA.kinds[k] || k; }
  function stateLabel(s) {
    // With a tracker loaded, an unlinked recommendation is a gap, not a missing tracker.
    if (s === "none" && DATA.coverage.actions) { return "No tracker action found"; }
    return DATA.states[s] || s;
  }
  function themeHref(id) { return "#/theme/" + encodeURIComponent(id); }
  function docOf(item) { return DATA.docs[item.d]; }
  function uniq(values) {
    var seen = {}, out = [];
    values.forEach(function (v) { if (v !== null && v !== undefined && v !== "" && !seen[v]) { seen[v] = 1; out.push(v); } });
    return out;
  }
  function heading(level, text) {
    var h = el("h" + level, { text: text, tabindex: "-1" });
    return h;
  }
  function tableWrap(label, table) {
    return el("div", { className: "table-wrap", role: "region", "aria-label": label, tabindex: "0" }, table);
  }

  // Citation a reader can follow: title, file, page, paragraph, heading.
  function citation(item) {
    var d = docOf(item);
    var parts = [d.title + " (" + d.file + ")", "page " + item.page];
    var para = item.para || item.number;
    if (para) { parts.push("para " + para); }
    if (item.heading) { parts.push("\u201c" + item.heading + "\u201d"); }
    return parts.join(", ");
  }

  // Text with the search words marked; built from text nodes and <mark> elements.
  function highlighted(text, words) {
    var frag = document.createDocumentFragment();
    if (!words.length) { frag.appendChild(document.createTextNode(text)); return frag; }
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var best = -1, bestLen = 0;
      words.forEach(function (w) {
        var at = lower.indexOf(w, pos);
        if (at !== -1 && (best === -1 || at < best)) { best = at; bestLen = w.length; }
      });
      if (best === -1) { break; }
      if (best > pos) { frag.appendChild(document.createTextNode(text.slice(pos, best))); }
      frag.appendChild(el("mark", { text: text.slice(best, best + bestLen) }));
      pos = best + bestLen;
    }
    if (pos < text.length) { frag.appendChild(document.createTextNode(text.slice(pos))); }
    return frag;
  }

  function itemCard(item, words) {
    var d = docOf(item);
    var meta = el("p", { className: "item-meta" },
      el("span", { className: "tag kind", text: kindLabel(item.kind) }),
      el("span", { text: typeLabel(d.type) + (d.area ? ", " + d.area : "") + (d.date ? ", " + d.date : "") }));
    if (item.state) {
      meta.appendChild(el("span", { className: "tag state-" + item.state, text: "Tracker: " + stateLabel(item.state) }));
    }
    var li = el("li", { className: "item", "data-item": item.id },
      meta,
      el("p", { className: "item-text" }, highlighted(item.text, words || [])),
      el("p", { className: "item-cite" }, "Source: ", citation(item)));
    if (item.themes.length) {
      var th = el("p", { className: "item-themes" }, "Themes: ");
      item.themes.forEach(function (id, i) {
        if (i) { th.appendChild(document.createTextNode(", ")); }
        th.appendChild(el("a", { href: themeHref(id), text: themeName(id) }));
      });
      li.appendChild(th);
    }
    if (item.links.length) {
      var ul = el("ul", { className: "item-actions", "aria-label": "Tracker actions" });
      item.links.forEach(function (a) {
        ul.appendChild(el("li", null,
          el("span", { className: "state-" + a.state, text: stateLabel(a.state) }),
          ": " + (a.action || "(no action text)") +
          (a.owner ? "; owner " + a.owner : "") + (a.due ? "; due " + a.due : "") +
          (a.status ? "; tracker says \u201c" + a.status + "\u201d" : "") + " (" + a.source + ")"));
      });
      li.appendChild(ul);
    }
    return li;
  }

  function itemList(items, limit, words, onMore) {
    var frag = document.createDocumentFragment();
    var ol = el("ol", { className: "items" });
    items.slice(0, limit).forEach(function (it) { ol.appendChild(itemCard(it, words)); });
    frag.appendChild(ol);
    if (items.length > limit) {
      frag.appendChild(el("p", null, el("button", { type: "button", className: "secondary more", onclick: onMore,
        text: "Show " + Math.min(MAX_RESULTS, items.length - limit) + " more (" + (items.length - limit) + " not shown)" })));
    }
    return frag;
  }

  // Newest first: managers read the latest learning first.
  function byNewest(a, b) {
    var da = docOf(a).date || "", db = docOf(b).date || "";
    if (da !== db) { return da < db ? 1 : -1; }
    if (a.d !== b.d) { return a.d - b.d; }
    return a.i - b.i;
  }

  // ---------------------------------------------------------------- filters
  function selectField(id, label, options, value, onchange) {
    var sel = el("select", { id: id, name: id });
    sel.appendChild(el("option", { value: "", text: "All" }));
    options.forEach(function (o) {
      var opt = el("option", { value: o[0], text: o[1] });
      if (String(o[0]) === String(value)) { opt.selected = true; }
      sel.appendChild(opt);
    });
    sel.addEventListener("change", function () { onchange(sel.value); });
    return el("div", { className: "field" }, el("label", { "for": id, text: label }), sel);
  }

  function filterControls(prefix, st, onchange, withTheme) {
    var types = uniq(DATA.docs.map(function (d) { return d.type; })).sort();
    var areas = uniq(DATA.docs.map(function (d) { return d.area; })).sort();
    var years = DATA.years.slice().reverse();
    var kinds = uniq(DATA.items.map(function (i) { return i.kind; })).sort();
    function setter(key) { return function (v) { st[key] = v; st.shown = MAX_RESULTS; onchange(); }; }
    var fs = el("fieldset", { className: "filters" }, el("legend", { text: "Filter" }),
      selectField(prefix + "-type", "Document type", types.map(function (t) { return [t, typeLabel(t)]; }), st.type, setter("type")),
      selectField(prefix + "-area", "Area", areas.map(function (a) { return [a, a]; }), st.area, setter("area")),
      selectField(prefix + "-year", "Year", years.map(function (y) { return [y, String(y)]; }), st.year, setter("year")),
      selectField(prefix + "-kind", "Kind of item", kinds.map(function (k) { return [k, kindLabel(k)]; }), st.kind, setter("kind")));
    if (withTheme) {
      fs.appendChild(selectField(prefix + "-theme", "Theme", DATA.themes.map(function (t) { return [t.id, t.name]; }), st.theme, setter("theme")));
    }
    fs.appendChild(el("button", { type: "button", className: "secondary", text: "Clear filters", onclick: function () {
      st.type = st.area = st.year = st.kind = ""; if (withTheme) { st.theme = ""; }
      if (st.q !== undefined) { st.q = ""; }
      st.shown = MAX_RESULTS; render();
    } }));
    return fs;
  }

  function passes(item, st) {
    var d = docOf(item);
    if (st.type && d.type !== st.type) { return false; }
    if (st.area && d.area !== st.area) { return false; }
    if (st.year && String(d.year) !== String(st.year)) { return false; }
    if (st.kind && item.kind !== st.kind) { return false; }
    if (st.theme && item.themes.indexOf(st.theme) === -1) { return false; }
    return true;
  }

  // ---------------------------------------------------------------- views
  function heatClass(n, max) {
    if (!n) { return "h0"; }
    if (max <= 5) { return "h" + Math.min(5, n); }
    return "h" + Math.max(1, Math.min(5, Math.ceil(5 * n / max)));
  }

  function heatmap() {
    var years = DATA.years;
    var max = 0;
    DATA.themes.forEach(function (t) { t.years.forEach(function (y) { max = Math.max(max, y[1]); }); });
    var head = el("tr", null, el("th", { scope: "col", text: "Theme" }));
    years.forEach(function (y) { head.appendChild(el("th", { scope: "col", className: "num", text: String(y) })); });
    head.appendChild(el("th", { scope: "col", className: "num", text: "All years" }));
    var body = el("tbody");
    DATA.themes.forEach(function (t) {
      var counts = {};
      t.years.forEach(function (y) { counts[y[0]] = y; });
      var row = el("tr", { "data-theme": t.id }, el("th", { scope: "row" }, el("a", { href: themeHref(t.id), text: t.name })));
      years.forEach(function (y) {
        var c = counts[y], n = c ? c[1] : 0;
        row.appendChild(el("td", { className: heatClass(n, max),
          title: t.name + ", " + y + ": " + plural(n, "document") + (c ? ", " + plural(c[2], "item") : "") },
          n ? String(n) : el("span", { className: "visually-hidden", text: "0" })));
      });
      row.appendChild(el("td", { className: "num", text: String(t.docs) }));
      body.appendChild(row);
    });
    var table = el("table", { className: "heatmap" },
      el("caption", { text: "How many documents raised each theme, by year of the document" }),
      el("thead", null, head), body);
    var legend = el("ul", { className: "legend", "aria-hidden": "true" }, el("li", { text: "Fewer" }));
    ["h1", "h2", "h3", "h4", "h5"].forEach(function (h) { legend.appendChild(el("li", null, el("span", { className: "swatch " + h }))); });
    legend.appendChild(el("li", { text: "More documents" }));
    return [tableWrap("Themes by year", table), legend];
  }

  function viewOverview() {
    // the categories come from report.doc_category, the one owner of that rule
    var nRev = 0, nInsp = 0;
    DATA.docs.forEach(function (d) { if (d.category === "review") { nRev++; } else if (d.category === "inspection") { nInsp++; } });
    var recurring = DATA.themes.filter(function (t) { return t.recurring; });
    var cov = DATA.coverage;
    var figures = el("ul", { className: "figures" },
      el("li", null, el("span", { className: "num", text: String(DATA.docs.length) }),
        el("span", { className: "what", text: "documents: " + plural(nRev, "review") + ", " + plural(nInsp, "inspection") })),
      el("li", null, el("span", { className: "num", text: String(DATA.items.length) }),
        el("span", { className: "what", text: "recommendations, findings and other items" })),
      el("li", null, el("span", { className: "num", text: String(recurring.length) }),
        el("span", { className: "what", text: "themes raised in " + DATA.minDocs + " or more documents" })),
      el("li", null, el("span", { className: "num", text: cov.actions ? String(cov.actionable - cov.gaps.length) + " of " + cov.actionable : "\u2013" }),
        el("span", { className: "what", text: cov.actions ? "recommendations with a tracker action" : "no tracker linked yet" })));
    var top = recurring.slice(0, 5).map(function (t) { return t.name; });
    return [heading(2, "Overview"),
      el("p", { className: "lead", text: top.length
        ? "The themes raised most often are: " + top.join("; ") + ". The table shows in which years each theme came up. Select a theme to read what the documents said about it."
        : "No themes have been assigned yet. Run \u201creviewmine themes\u201d and produce the report again." }),
      figures, heading(3, "Themes by year"), heatmap()];
  }

  function viewThemes() {
    var ul = el("ul", { className: "theme-cards" });
    DATA.themes.forEach(function (t) {
      ul.appendChild(el("li", { "data-theme": t.id },
        el("h3", null, el("a", { href: themeHref(t.id), text: t.name })),
        t.desc ? el("p", { text: t.desc }) : null,
        el("p", { text: plural(t.docs, "document") + " (" + plural(t.reviews, "review") + ", " + plural(t.inspections, "inspection") + "), " + plural(t.items, "item") +
          (t.first ? ", " + (t.first === t.last ? t.first : t.first + "\u2013" + t.last) : "") }),
        t.recurring ? el("p", null, el("span", { className: "tag recurring", text: "Recurring" })) : null));
    });
    return [heading(2, "Themes"), el("p", { text: "Each theme groups items that are about the same area of practice. An item can belong to more than one theme." }), ul];
  }

  function yearBars(t) {
    var max = 1;
    t.years.forEach(function (y) { max = Math.max(max, y[1]); });
    var ul = el("ul", { className: "bars", "aria-label": "Documents raising this theme, by year" });
    var byYear = {};
    t.years.forEach(function (y) { byYear[y[0]] = y[1]; });
    // Every year from the first to the last, so a quiet year shows as a gap, not as nothing.
    for (var year = t.first; t.first && year <= t.last; year++) {
      var n = byYear[year] || 0;
      var bar = el("span", { className: "bar", "aria-hidden": "true" });
      bar.style.width = Math.round(100 * n / max) + "%";
      if (!n) { bar.style.visibility = "hidden"; }
      ul.appendChild(el("li", null, el("span", { text: String(year) }), bar, el("span", { text: plural(n, "document") })));
    }
    return ul;
  }

  function viewTheme(id) {
    var t = themeById[id];
    if (!t) { return [heading(2, "Theme not found"), el("p", null, "There is no theme called \u201c", id, "\u201d. ", el("a", { href: "#/themes", text: "See all themes" }), ".")]; }
    var all = DATA.items.filter(function (it) { return it.themes.indexOf(id) !== -1; }).sort(byNewest);
    var actionable = all.filter(function (it) { return it.state; });
    var linked = actionable.filter(function (it) { return it.state !== "none"; });
    var complete = actionable.filter(function (it) { return it.state === "complete"; });
    var results = el("div", { id: "theme-results" });
    var count = el("p", { className: "count", id: "theme-count", role: "status", "aria-live": "polite" });
    function update() {
      var shown = all.filter(function (it) { return passes(it, themeState); });
      count.textContent = plural(shown.length, "item") + " shown" + (shown.length !== all.length ? " (of " + all.length + ")" : "");
      clear(results);
      results.appendChild(itemList(shown, themeState.shown, [], function () { themeState.shown += MAX_RESULTS; update(); }));
    }
    var summary = "Raised in " + plural(t.docs, "document") + " (" + plural(t.reviews, "review") + ", " + plural(t.inspections, "inspection") + ")" +
      (t.areas ? " across " + plural(t.areas, "area") : "") +
      (t.first ? ", " + (t.first === t.last ? "in " + t.first : "from " + t.first + " to " + t.last) : "") + ".";
    var tracker = DATA.coverage.actions
      ? plural(actionable.length, "recommendation") + " in this theme: " + linked.length + " linked to a tracker action, " + complete.length + " complete, " + (actionable.length - linked.length) + " with no action." +
        (t.despite ? " " + plural(t.despite, "completed action") + " on this theme " + (t.despite === 1 ? "had its" : "had their") + " learning raised again in a later document." : "")
      : plural(actionable.length, "recommendation") + " in this theme. No tracker linked.";
    var out = [el("p", null, el("a", { href: "#/themes", text: "All themes" })), heading(2, t.name)];
    if (t.desc) { out.push(el("p", { className: "lead", text: t.desc })); }
    out.push(el("p", { text: summary }), t.recurring ? el("p", null, el("span", { className: "tag recurring", text: "Recurring learning" })) : null,
      yearBars(t), el("p", { text: tracker }), heading(3, "What the documents said"),
      filterControls("theme", themeState, update, false), count, results);
    update();
    return out;
  }

  function viewRecurring() {
    var head = el("tr", null);
    ["Theme", "Documents", "Areas", "Reviews", "Inspections", "First raised", "Last raised", "Recurring?", "Raised again after action complete"].forEach(function (h, i) {
      head.appendChild(el("th", { scope: "col", className: i && i < 5 ? "num" : null, text: h }));
    });
    var body = el("tbody");
    DATA.themes.forEach(function (t) {
      body.appendChild(el("tr", { "data-theme": t.id },
        el("th", { scope: "row" }, el("a", { href: themeHref(t.id), text: t.name })),
        el("td", { className: "num", text: String(t.docs) }), el("td", { className: "num", text: String(t.areas) }),
        el("td", { className: "num", text: String(t.reviews) }), el("td", { className: "num", text: String(t.inspections) }),
        el("td", { text: t.first ? String(t.first) : "\u2013" }), el("td", { text: t.last ? String(t.last) : "\u2013" }),
        el("td", { text: t.recurring ? "Yes" : "No" }),
        el("td", { text: DATA.coverage.actions ? (t.despite ? plural(t.despite, "action") : "No") : "No tracker linked" })));
    });
    var table = el("table", null, el("caption", { text: "Themes ordered by how many documents raised them" }), el("thead", null, head), body);
    return [heading(2, "Recurring learning"),
      el("p", { className: "lead", text: "A theme is recurring when " + DATA.minDocs + " or more documents raised it. Learning that keeps coming back, especially after an action was marked complete, suggests the action did not change practice." }),
      tableWrap("Recurring learning", table)];
  }

  function viewTracker() {
    var cov = DATA.coverage;
    var out = [heading(2, "Tracker coverage")];
    if (!cov.actions) {
      out.push(el("p", { className: "notice", text: "No tracker linked. Load the partnership's action tracker and match it to the documents, then produce this report again to see which recommendations have an action, which actions are overdue, and which learning recurred although its action was marked complete." }));
      return out;
    }
    out.push(el("ul", { className: "figures" },
      el("li", null, el("span", { className: "num", text: cov.linked + " of " + cov.actionable }), el("span", { className: "what", text: "recommendations linked to a tracker action" })),
      el("li", null, el("span", { className: "num", text: String(cov.gaps.length) }), el("span", { className: "what", text: "recommendations with no action (gaps)" })),
      el("li", null, el("span", { className: "num", text: String(cov.overdue.length) }), el("span", { className: "what", text: "actions overdue" })),
      el("li", null, el("span", { className: "num", text: String(cov.despite.length) }), el("span", { className: "what", text: "completed actions whose learning was raised again later" }))));
    out.push(heading(3, "Raised again although the action is complete"));
    out.push(el("p", { text: "One card per completed action. Each later item below comes from a later document of the same area (not about the same case) and asks for the same specific change. The match strength, from 0 to 1, combines similarity of meaning with the specific words both texts use; strongest first." }));
    if (cov.despite.length) {
      var ol = el("ol", { className: "items" });
      cov.despite.forEach(function (dc) {
        var tags = el("p", { className: "item-meta" }, el("span", { className: "tag state-complete", text: "Action complete" }));
        dc.themes.forEach(function (id) { tags.appendChild(el("a", { className: "tag", href: themeHref(id), text: themeName(id) })); });
        var earlier = dc.items.map(function (i) { return DATA.items[i]; });
        var later = el("ul", { className: "later" });
        dc.later.forEach(function (ev) {
          var it = DATA.items[ev.item];
          later.appendChild(el("li", null,
            el("p", { className: "item-text", text: it.text }),
            el("p", { className: "item-cite" }, citation(it), " – match strength " + ev.score.toFixed(2) +
              (ev.words.length ? "; shared words: " + ev.words.join(", ") : ""))));
        });
        ol.appendChild(el("li", { className: "case" }, tags,
          el("p", { className: "item-text", text: "Action: " + dc.action.action }),
          el("p", { className: "item-cite", text: dc.action.source + (dc.action.due ? "; due " + dc.action.due : "") + "; tracker status: " + (dc.action.status || "not given") }),
          earlier.map(function (it) { return el("p", { className: "item-cite" }, "Answers: ", citation(it)); }),
          el("p", { text: "Raised again in " + plural(dc.later.length, "later item") + ":" }), later));
      });
      out.push(ol);
    } else { out.push(el("p", { text: "None found." })); }
    out.push(heading(3, "Overdue actions"));
    if (cov.overdue.length) {
      var head = el("tr", null);
      ["Action", "Owner", "Due", "Tracker status", "Where"].forEach(function (h) { head.appendChild(el("th", { scope: "col", text: h })); });
      var body = el("tbody");
      cov.overdue.forEach(function (a) {
        body.appendChild(el("tr", null, el("td", { text: a.action }), el("td", { text: a.owner }), el("td", { className: "date", text: a.due || "" }), el("td", { text: a.status }), el("td", { text: a.source })));
      });
      out.push(tableWrap("Overdue actions", el("table", null, el("caption", { text: "Actions past their due date and not complete" }), el("thead", null, head), body)));
    } else { out.push(el("p", { text: "None." })); }
    out.push(heading(3, "Recommendations with no tracker action"));
    var gaps = cov.gaps.map(function (i) { return DATA.items[i]; }).sort(byNewest);
    if (!gaps.length) { out.push(el("p", { text: "None: every recommendation has an action." })); return out; }
    var gapList = el("div", { id: "gap-results" }), shown = MAX_RESULTS;
    function more() { shown += MAX_RESULTS; clear(gapList); gapList.appendChild(itemList(gaps, shown, [], more)); }
    gapList.appendChild(itemList(gaps, shown, [], more));
    out.push(gapList);
    return out;
  }

  function viewSearch() {
    var input = el("input", { type: "search", id: "search-box", name: "q", autocomplete: "off", value: state.q,
      "aria-describedby": "search-help" });
    var count = el("p", { className: "count", id: "search-count", role: "status", "aria-live": "polite" });
    var results = el("div", { id: "search-results" });
    var timer = null;
    function update() {
      var words = state.q.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
      var found = DATA.items.filter(function (it) {
        if (!passes(it, state)) { return false; }
        if (!words.length) { return true; }
        var d = docOf(it);
        // The item's own words, its heading and the file name; not the title, whose
        // generic words ("children", "care") would match everything.
        var hay = (it.text + " " + (it.heading || "") + " " + d.file).toLowerCase();
        return words.every(function (w) { return hay.indexOf(w) !== -1; });
      }).sort(byNewest);
      count.textContent = found.length === 1 ? "1 item found" : found.length + " items found";
      clear(results);
      results.appendChild(itemList(found, state.shown, words, function () { state.shown += MAX_RESULTS; update(); }));
    }
    input.addEventListener("input", function () {
      state.q = input.value; state.shown = MAX_RESULTS;
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(update, 120);
    });
    var out = [heading(2, "Search"),
      el("div", { className: "field", role: "search" },
        el("label", { "for": "search-box", text: "Search the recommendations and findings" }),
        el("span", { id: "search-help", text: "Type one or more words; every word must appear in the item, its heading or its file name." }), input),
      filterControls("search", state, update, true), count, results];
    update();
    return out;
  }

  function viewDocuments() {
    var head = el("tr", null);
    ["Document", "Type", "Area", "Date", "Pages", "Items", "Judgement"].forEach(function (h, i) {
      head.appendChild(el("th", { scope: "col", className: i === 4 || i === 5 ? "num" : null, text: h }));
    });
    var counts = {};
    DATA.items.forEach(function (it) { counts[it.d] = (counts[it.d] || 0) + 1; });
    var body = el("tbody");
    DATA.docs.map(function (d, idx) { return [d, idx]; }).reverse().forEach(function (pair) {
      var d = pair[0], idx = pair[1];
      var overall = "";
      Object.keys(d.judgements || {}).forEach(function (k) { if (!overall && /^overall/i.test(k)) { overall = d.judgements[k]; } });
      body.appendChild(el("tr", null,
        el("th", { scope: "row" }, d.title, el("br"), el("span", { className: "item-cite", text: d.file })),
        el("td", { text: typeLabel(d.type) }), el("td", { text: d.area || "" }), el("td", { className: "date", text: d.date || "" }),
        el("td", { className: "num", text: String(d.pages) }), el("td", { className: "num", text: String(counts[idx] || 0) }),
        el("td", { text: overall })));
    });
    return [heading(2, "Documents"), el("p", { text: "Newest first." }),
      tableWrap("Documents", el("table", null, el("caption", { text: plural(DATA.docs.length, "document") + " in this report" }), el("thead", null, head), body))];
  }

  // ---------------------------------------------------------------- routing
  function route() {
    var h = decodeURIComponent((location.hash || "").replace(/^#\/?/, ""));
    var parts = h.split("/");
    return { view: parts[0] || "overview", arg: parts.slice(1).join("/") };
  }

  var first = true;
  function render() {
    var r = route();
    var views = { overview: viewOverview, themes: viewThemes, recurring: viewRecurring, tracker: viewTracker,
      search: viewSearch, documents: viewDocuments };
    var content;
    if (r.view === "theme") { content = viewTheme(r.arg); }
    else { content = (views[r.view] || viewOverview)(); }
    clear(VIEW);
    add(VIEW, content);
    var navView = r.view === "theme" ? "themes" : (views[r.view] ? r.view : "overview");
    Array.prototype.forEach.call(document.querySelectorAll(".site-nav a"), function (a) {
      if (a.getAttribute("data-view") === navView) { a.setAttribute("aria-current", "page"); } else { a.removeAttribute("aria-current"); }
    });
    var h2 = VIEW.querySelector("h2");
    document.title = (h2 ? h2.textContent + " \u2013 " : "") + DATA.title;
    // Move focus to the new heading so keyboard and screen-reader users land on it.
    if (!first && h2) { h2.focus(); }
    first = false;
  }

  window.addEventListener("hashchange", function () { if (route().view !== "theme") { themeState.shown = MAX_RESULTS; } render(); });
  render();
  document.body.setAttribute("data-ready", "1");
})();
