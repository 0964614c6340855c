// The mega menu (#20). Without this script every section is a plain link
// and a panel opens on hover or keyboard focus (site.css). With it, on wide
// screens: a panel opens on hover, or from its section's link by Enter,
// Space or ArrowDown (a second Enter follows the link); Escape closes it and
// gives the focus back to the link; Tab walks through it and out, which
// closes it. On touch the first tap opens the panel and the second follows
// the link. The latest stories are fetched on the first open only.
(() => {
  "use strict";
  const wide = window.matchMedia("(min-width: 48em)");
  const items = Array.from(document.querySelectorAll("[data-menu-item]"));
  if (!items.length) return;
  let pointer = "";
  let current = null;
  let leaving = 0;

  const triggerOf = (item) => item.querySelector("[data-menu-trigger]");
  const panelOf = (item) => item.querySelector("[data-menu-panel]");
  const linksOf = (item) => Array.from(panelOf(item).querySelectorAll("a[href]"));

  function load(item) {
    const panel = panelOf(item);
    if (panel.dataset.loaded) return;
    panel.dataset.loaded = "1";
    const box = panel.querySelector("[data-menu-stories-box]");
    fetch(panel.dataset.menuStories, { credentials: "same-origin" })
      .then((response) => (response.ok ? response.text() : Promise.reject()))
      .then((html) => {
        const found = new DOMParser().parseFromString(html, "text/html");
        box.replaceChildren(...found.body.childNodes);
      })
      .catch(() => {
        delete panel.dataset.loaded;
      });
  }

  function open(item) {
    if (current && current !== item) close(current, false);
    clearTimeout(leaving);
    item.classList.add("is-open");
    triggerOf(item).setAttribute("aria-expanded", "true");
    current = item;
    load(item);
  }

  function close(item, refocus) {
    item.classList.remove("is-open");
    triggerOf(item).setAttribute("aria-expanded", "false");
    if (current === item) current = null;
    if (refocus) triggerOf(item).focus();
  }

  const isOpen = (item) => item.classList.contains("is-open");

  function setUp() {
    for (const item of items) {
      const trigger = triggerOf(item);
      if (wide.matches) {
        trigger.setAttribute("aria-expanded", String(isOpen(item)));
      } else {
        if (isOpen(item)) close(item, false);
        trigger.removeAttribute("aria-expanded");
      }
    }
  }

  for (const item of items) {
    const trigger = triggerOf(item);
    item.addEventListener("pointerenter", (event) => {
      if (event.pointerType === "mouse" && wide.matches) open(item);
    });
    item.addEventListener("pointerleave", (event) => {
      if (event.pointerType !== "mouse" || !wide.matches) return;
      clearTimeout(leaving);
      leaving = setTimeout(() => close(item, false), 200);
    });
    trigger.addEventListener("pointerdown", (event) => {
      pointer = event.pointerType;
    });
    trigger.addEventListener("click", (event) => {
      const touched = pointer === "touch" || pointer === "pen";
      pointer = "";
      if (touched && wide.matches && !isOpen(item)) {
        event.preventDefault();
        open(item);
      }
    });
    trigger.addEventListener("keydown", (event) => {
      if (!wide.matches) return;
      const key = event.key;
      if (key === "ArrowDown") {
        event.preventDefault();
        open(item);
        const first = linksOf(item)[0];
        if (first) first.focus();
      } else if ((key === "Enter" || key === " ") && !isOpen(item)) {
        event.preventDefault();
        open(item);
      } else if (key === " ") {
        event.preventDefault();
        close(item, false);
      }
    });
    item.addEventListener("keydown", (event) => {
      if (!wide.matches || !isOpen(item)) return;
      if (event.key === "Escape") {
        event.preventDefault();
        close(item, true);
        return;
      }
      // The link's own arrows are handled above.
      if (event.target === trigger) return;
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const links = linksOf(item);
      const at = links.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      const next = at + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) trigger.focus();
      else links[Math.min(next, links.length - 1)].focus();
    });
    item.addEventListener("focusout", (event) => {
      if (isOpen(item) && !item.contains(event.relatedTarget)) close(item, false);
    });
  }

  document.addEventListener("click", (event) => {
    if (current && !current.contains(event.target)) close(current, false);
  });
  wide.addEventListener("change", setUp);
  setUp();
  // Asked for after the load event (core/js/site.js): say when it is on.
  document.documentElement.dataset.menuReady = "";
})();
