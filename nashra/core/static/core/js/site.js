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

// Advertising waits for the page: its script is asked for only after the
// load event, so it never shares the first seconds with the lead picture.
const adsScript = document.querySelector("[data-ads-script]");
if (adsScript) {
  const load = () => import(adsScript.dataset.adsScript);
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load, { once: true });
}

// The mega menu's script too (#20): without it every section is a plain
// link (sections/menu.js), so it need not share the lead picture's first
// second on a phone either.
const menu = document.querySelector("[data-menu-script]");
if (menu) {
  const load = () => {
    const script = document.createElement("script");
    script.src = menu.dataset.menuScript;
    document.head.append(script);
  };
  if (document.readyState === "complete") load();
  else window.addEventListener("load", load, { once: true });
}
