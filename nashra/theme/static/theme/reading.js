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

// Recent dates as relative time: "منذ 5 دقائق", "منذ ساعتين" (#14). The
// server writes the absolute date and time into every <time data-relative>,
// which stays true in a cached page; the reader's clock says how long ago it
// was, for the last day, and again every minute. The forms are those of
// nashra.text.dates (a test compares them): after منذ the dual is genitive,
// 3-10 take the plural, 11-99 the singular.
const UNIT_FORMS = {
  minute: { one: "دقيقة", two: "دقيقتين", few: "دقائق", many: "دقيقة", other: "دقيقة" },
  hour: { one: "ساعة", two: "ساعتين", few: "ساعات", many: "ساعة", other: "ساعة" },
};
const JUST_NOW = "الآن";
const pluralCategory = (n) => {
  if (n === 1) return "one";
  if (n === 2) return "two";
  if (n % 100 >= 3 && n % 100 <= 10) return "few";
  if (n % 100 >= 11) return "many";
  return "other";
};
const toArabicIndic = (text) => text.replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]);
const ago = (n, unit, digits) => {
  const category = pluralCategory(n);
  const noun = UNIT_FORMS[unit][category];
  if (category === "one" || category === "two") return `منذ ${noun}`;
  const text = `منذ ${n} ${noun}`;
  return digits === "arabic" ? toArabicIndic(text) : text;
};
const relative = (then, now, digits) => {
  const seconds = (now - then) / 1000;
  // Ahead of the reader's clock, or older than a day: the date says more.
  if (!(seconds >= -60 && seconds < 86400)) return null;
  if (seconds < 60) return JUST_NOW;
  if (seconds < 3600) return ago(Math.floor(seconds / 60), "minute", digits);
  return ago(Math.floor(seconds / 3600), "hour", digits);
};
const recentTimes = [...document.querySelectorAll("time[data-relative]")];
if (recentTimes.length && root.lang.startsWith("ar")) {
  const refresh = () => {
    const now = Date.now();
    for (const time of recentTimes) {
      if (time.dataset.absolute === undefined) {
        // The shorter relative text keeps the date's box: a byline that
        // wrapped around the date moved up a line and shifted the page.
        const box = time.getBoundingClientRect();
        if (getComputedStyle(time).display === "inline") time.style.display = "inline-block";
        time.style.minInlineSize = `${box.width}px`;
      }
      time.dataset.absolute ??= time.textContent;
      const text = relative(Date.parse(time.dateTime), now, time.dataset.digits);
      time.textContent = text ?? time.dataset.absolute;
      // The exact date and time stay one hover or long-press away.
      if (text) time.title = time.dataset.absolute;
    }
  };
  refresh();
  setInterval(refresh, 60_000);
}

// Text size of the article body (#20): five steps, remembered. The early
// script in <head> applied the saved step before first paint; this moves
// it. aria-disabled rather than disabled at either end, so a keyboard
// reader's focus stays on the button they pressed.
const sizer = document.querySelector("[data-text-sizer]");
if (sizer) {
  const steps = 5;
  const normal = 1;
  const current = () => {
    const step = Number.parseInt(root.dataset.textSize ?? "", 10);
    return Number.isInteger(step) && step >= 0 && step < steps ? step : normal;
  };
  const buttons = sizer.querySelectorAll("[data-text-size-step]");
  const show = () => {
    const step = current();
    for (const button of buttons) {
      const by = Number(button.dataset.textSizeStep);
      const atEnd = (by < 0 && step === 0) || (by > 0 && step === steps - 1);
      button.setAttribute("aria-disabled", String(atEnd));
    }
  };
  for (const button of buttons) {
    button.addEventListener("click", () => {
      const step = Math.min(Math.max(current() + Number(button.dataset.textSizeStep), 0), steps - 1);
      root.dataset.textSize = String(step);
      try { localStorage.setItem("nashra-text-size", root.dataset.textSize); } catch { /* private mode */ }
      show();
    });
  }
  show();
}
