// newsgraph article page: click (or Enter on) a highlighted passage to see its records;
// tick layers on and off.  Everything from the article is shown with textContent, never
// as HTML, and the records come from a JSON data block, never from code.
"use strict";

(function () {
  const data = document.getElementById("records");
  const text = document.getElementById("text");
  if (!data || !text) return;
  const model = JSON.parse(data.textContent);
  const records = model.records || {};
  const names = model.names || {};
  const details = document.getElementById("details");

  function el(tag, cls, content) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = String(content);
    return node;
  }
  function words(span) { return span ? span.text : null; }
  function who(entityId) { return entityId && names[entityId] ? names[entityId] : null; }

  function fields(r) {
    switch (r.list) {
      case "attributions":
        return ["Quote", [
          ["speaker", r.speaker_name || words(r.source) || "unattributed"],
          ["source words", words(r.source)], ["cue", words(r.cue)], ["kind", r.kind],
          ["sourcing", r.sourcing], ["hedge", words(r.hedge)], ["channel", r.channel],
          ["polarity", r.polarity === "negated" ? "negated (refused or denied)" : null],
          ["mode", r.mode === "thought" ? "thought (believed, feared, wanted), not said" : null],
          ["resolved", r.speaker_reason], ["says", r.content ? r.content.text : null]]];
      case "entities":
        return ["Entity", [["name", r.name], ["type", r.label],
          ["mentions", (r.mentions || []).length],
          ["roles", (r.roles || []).map((x) => x.text).join("; ") || null]]];
      case "events":
        return ["Event", [["type", r.type + (r.mode ? " / " + r.mode : "")],
          ["actor", r.actor ? r.actor.text + (who(r.actor.entity) ? " (" + who(r.actor.entity) + ")" : "") : null],
          ["action", words(r.trigger)],
          ["target", r.target ? r.target.text : null], ["modality", r.modality],
          ["about", r.content_modality], ["time", r.time_value],
          ["reported", r.time_value ? null : (r.reported ? "on or before " + r.reported : null)],
          ["place", words(r.place_span)]]];
      case "times":
        return ["Time", [["words", words(r.span)], ["type", r.type], ["value", r.value],
          ["modifier", r.mod], ["anchored at", r.anchor]]];
      case "quantities":
        return ["Quantity", [["words", words(r.span)], ["value", r.value],
          ["up to", r.value_max], ["unit", r.unit], ["bound", r.bound],
          ["currency", r.currency], ["change", r.change], ["about", words(r.about)]]];
    }
    return [r.list, []];
  }

  function card(key) {
    const r = records[key];
    if (!r) return null;
    const [title, rows] = fields(r);
    const box = el("div", "card");
    box.dataset.key = key;
    box.appendChild(el("h3", null, title + " " + r.id));
    const dl = el("dl");
    for (const [name, value] of rows) {
      if (value === null || value === undefined || value === "") continue;
      dl.appendChild(el("dt", null, name));
      dl.appendChild(el("dd", null, value));
    }
    box.appendChild(dl);
    // The entity (or the quote's speaker) across articles: a link built from an id, encoded.
    const entityId = r.list === "entities" ? r.id : (r.list === "attributions" ? r.speaker : null);
    const across = entityId ? (model.entities || {})[entityId] : null;
    if (across) {
      const link = el("a", "across", "across articles →");
      link.href = "/entities/" + encodeURIComponent(across);
      box.appendChild(link);
    }
    return box;
  }

  function select(keys) {
    for (const node of text.querySelectorAll(".m.selected")) node.classList.remove("selected");
    details.replaceChildren();
    for (const key of keys) {
      const c = card(key);
      if (c) details.appendChild(c);
      for (const node of text.querySelectorAll(".m")) {
        if (node.dataset.r.split(" ").includes(key)) node.classList.add("selected");
      }
    }
  }

  function keysOf(node) {
    // The innermost reading first: a quote before the entities inside it.
    const order = ["attributions", "events", "entities", "times", "quantities"];
    return node.dataset.r.split(" ").sort(
      (a, b) => order.indexOf(records[a] ? records[a].list : "") - order.indexOf(records[b] ? records[b].list : ""));
  }

  text.addEventListener("click", (ev) => {
    const node = ev.target.closest(".m");
    if (node) select(keysOf(node));
  });
  text.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && ev.target.classList.contains("m")) select(keysOf(ev.target));
  });
  for (const item of document.querySelectorAll(".quote-item[data-key]")) {
    item.addEventListener("click", () => select([item.dataset.key]));
  }

  for (const box of document.querySelectorAll("#layers input[data-layer]")) {
    box.addEventListener("change", () => {
      text.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    });
  }

  function fromHash() {
    const key = decodeURIComponent(location.hash.slice(1));
    if (!key || !records[key]) return;
    let node = document.getElementById(key);
    if (!node) {
      for (const n of text.querySelectorAll("[data-also]")) {
        if (n.dataset.also.split(" ").includes(key)) { node = n; break; }
      }
    }
    select([key]);
    if (node) node.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
})();
