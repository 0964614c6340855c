// Progressive enhancement only: every page reads and works without this file.
const root = document.documentElement;
root.classList.replace("no-js", "js");

const backToTop = document.querySelector("[data-back-to-top]");
if (backToTop) {
  const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)");
  const update = () => {
    backToTop.classList.toggle("is-visible", window.scrollY > window.innerHeight * 0.6);
  };
  // No measuring at load: reading scrollY forces a layout before the first
  // paint (#12). A page opens at the top, and a restored scroll position
  // fires "scroll" itself.
  window.addEventListener("scroll", update, { passive: true });
  backToTop.addEventListener("click", (event) => {
    event.preventDefault();
    window.scrollTo({ top: 0, behavior: reduceMotion.matches ? "auto" : "smooth" });
    // Keep keyboard focus with the view, as the plain link would.
    document.getElementById("top")?.focus({ preventScroll: true });
    history.replaceState(null, "", location.pathname + location.search);
  });
}

// Scripts the page reads without are asked for only after the load event,
// so they never share the first seconds with the lead picture.
const afterLoad = (load) => {
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load, { once: true });
};

// Advertising.
const adsScript = document.querySelector("[data-ads-script]");
if (adsScript) afterLoad(() => import(adsScript.dataset.adsScript));

// The mega menu (#20): without it every section is a plain link
// (sections/menu.js), a classic script, not a module.
const menu = document.querySelector("[data-menu-script]");
if (menu) {
  afterLoad(() => {
    const script = document.createElement("script");
    script.src = menu.dataset.menuScript;
    document.head.append(script);
  });
}
