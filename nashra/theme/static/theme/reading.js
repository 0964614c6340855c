// Reading features of the default theme (#4). Every page works without it:
// the ticker is a scrollable list, the menu a <details>, share links plain links.
const root = document.documentElement;

// Colour scheme: the site's default until the reader picks one, then theirs.
const schemeToggle = document.querySelector("[data-scheme-toggle]");
if (schemeToggle) {
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");
  const isDark = () =>
    root.dataset.scheme === "dark" || (root.dataset.scheme === "auto" && systemDark.matches);
  // The button is in the HTML from the start (#12): this only wires it.
  const show = () => schemeToggle.setAttribute("aria-pressed", String(isDark()));
  show();
  schemeToggle.addEventListener("click", () => {
    root.dataset.scheme = isDark() ? "light" : "dark";
    try { localStorage.setItem("nashra-scheme", root.dataset.scheme); } catch { /* private mode */ }
    show();
  });
  systemDark.addEventListener("change", show);
}

// Breaking-news ticker: CSS decides whether it moves (reduced motion, `js`
// class), so nothing changes size after paint (#12); this sets its speed
// and wires the pause button.
for (const ticker of document.querySelectorAll("[data-ticker]")) {
  const button = ticker.querySelector("[data-ticker-pause]");
  const items = ticker.querySelector(".ticker__items");
  // Roughly constant reading speed whatever the number of headlines. Read
  // once layout is done (a ResizeObserver runs after it): asking scrollWidth
  // while the page loads forced an extra layout before the first paint (#12).
  new ResizeObserver(() => {
    items.style.setProperty("--ticker-duration", `${Math.max(15, items.scrollWidth / 60)}s`);
  }).observe(items);
  // A toggle button: its name stays "Pause", aria-pressed says whether it is on.
  button.addEventListener("click", () => {
    const paused = ticker.classList.toggle("is-paused");
    button.setAttribute("aria-pressed", String(paused));
  });
}

// Reading-progress bar on articles.
const progress = document.querySelector("[data-reading-progress]");
const body = document.querySelector(".article__body");
if (progress && body) {
  const update = () => {
    const box = body.getBoundingClientRect();
    const total = box.height - window.innerHeight;
    const done = total > 0 ? Math.min(Math.max(-box.top / total, 0), 1) : 1;
    progress.value = Math.round(done * 100);
  };
  window.addEventListener("scroll", update, { passive: true });
  window.addEventListener("resize", update);
  // After layout, never forcing one; again as images load and the body grows.
  new ResizeObserver(update).observe(body);
}

// Share: copy the address, or the system share sheet where there is one.
const status = document.querySelector("[data-share-status]");
// The short /a/<id>/ form the page gives (#18), else the address bar's.
const shareUrl = document.querySelector("[data-share-url]")?.dataset.shareUrl;
const address = () => shareUrl || location.origin + location.pathname;
const copy = document.querySelector("[data-copy-link]");
if (copy && navigator.clipboard) {
  copy.hidden = false;
  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address());
      status.textContent = copy.dataset.done;
    } catch {
      status.textContent = copy.dataset.failed;
    }
  });
}
const native = document.querySelector("[data-native-share]");
if (native && navigator.share) {
  native.hidden = false;
  native.addEventListener("click", () => {
    navigator.share({ title: native.dataset.title, url: address() }).catch(() => {});
  });
}

// View counter: one beacon per article view, so cached pages still count.
const beacon = document.querySelector("[data-view-beacon]");
if (beacon && navigator.sendBeacon) {
  navigator.sendBeacon(beacon.dataset.viewBeacon);
}
