// Live coverage (#15): ask the page's tail, which every open page shares and
// the cache in front answers, and apply what changed. Polls every ~1.5 s while
// the tab is visible; slower when hidden, when answers are slow or fail.
const stream = document.querySelector("[data-live-tail]");
const BASE = 1500;
const HIDDEN = 15000;
const LONGEST = 60000;

if (stream) {
  const tail = stream.dataset.liveTail;
  const oldestFirst = stream.dataset.order === "oldest";
  const notice = document.querySelector("[data-live-notice]");
  const highlights = document.querySelector("[data-live-highlights]");
  let seen = Number(stream.dataset.liveVersion) || 0;
  // Entries above the newest one shown are new; others are edits elsewhere.
  let topId = Math.max(0, ...[...stream.querySelectorAll("[data-entry]")].map((el) => Number(el.dataset.entry)));
  let delay = BASE;
  let timer = 0;
  const waiting = [];

  const known = (id) => stream.querySelector(`[data-entry="${id}"]`);
  const fromHtml = (html) => {
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  };
  // Reading further down: new entries wait behind a button, so nothing moves.
  const awayFromTop = () => stream.getBoundingClientRect().top < -40;

  const showNotice = () => {
    if (!notice) return;
    notice.hidden = waiting.length === 0;
    notice.textContent =
      waiting.length === 1
        ? notice.dataset.one
        : notice.dataset.many.replace("{n}", waiting.length.toLocaleString(document.documentElement.lang));
  };
  const insert = (element) => {
    stream.querySelector(".live-empty")?.remove();
    if (oldestFirst) {
      if (!("more" in stream.dataset)) stream.append(element);
    } else {
      stream.prepend(element);
    }
  };
  const flush = () => {
    waiting.splice(0).reverse().forEach((element) => insert(element));
    showNotice();
  };

  const apply = (data) => {
    if (!data.complete && data.changes.length && data.changes[0].v > seen && seen) {
      // Missed more than the tail holds: the page itself has everything.
      window.location.reload();
      return;
    }
    for (const change of data.changes) {
      const current = known(change.id);
      const queued = waiting.findIndex((el) => el.dataset.entry === String(change.id));
      if (change.deleted) {
        current?.remove();
        if (queued >= 0) waiting.splice(queued, 1);
        continue;
      }
      const element = fromHtml(change.html);
      if (current) {
        if (current.dataset.v !== String(change.v)) current.replaceWith(element);
      } else if (queued >= 0) {
        waiting[queued] = element;
      } else if (change.id > topId) {
        topId = change.id;
        waiting.push(element);
      }
    }
    if (highlights && data.v !== seen) highlights.innerHTML = data.highlights;
    seen = Math.max(seen, data.v);
    if (!awayFromTop() || oldestFirst) flush();
    showNotice();
  };

  const schedule = (ms) => {
    clearTimeout(timer);
    // A little jitter, so readers who opened the page together drift apart.
    timer = setTimeout(poll, ms * (0.9 + Math.random() * 0.2));
  };

  async function poll() {
    if (document.hidden) {
      schedule(HIDDEN);
      return;
    }
    const started = performance.now();
    try {
      const response = await fetch(tail, { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(String(response.status));
      apply(await response.json());
      const took = performance.now() - started;
      delay = took > 1000 ? Math.min(delay * 2, LONGEST) : BASE;
    } catch {
      delay = Math.min(delay * 2, LONGEST);
    }
    schedule(delay);
  }

  notice?.addEventListener("click", () => {
    flush();
    stream.scrollIntoView({ block: "start" });
  });
  window.addEventListener("scroll", () => {
    if (!awayFromTop() && waiting.length) flush();
  }, { passive: true });
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) {
      delay = BASE;
      schedule(0);
    }
  });
  schedule(BASE);
}
