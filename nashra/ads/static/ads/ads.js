// Runs each ad slot's code, and shows each house ad's picture, once the
// page's own content has loaded (#20): an ad never takes bandwidth from the
// lead picture (#12).
// The code waits in a <template>, inert; scripts copied out of it run as
// they are added (scripts parsed inside a template never would). Slots
// marked data-ad-consent (networks that set cookies) wait for the reader's
// "yes" in the consent banner, when the site shows one; the choice is kept.

const KEY = "nashra-ad-consent";

function chosen() {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function run(consented) {
  for (const holder of document.querySelectorAll("[data-ad-slot] template[data-ad-code]")) {
    if (holder.closest("[data-ad-consent]") && !consented) continue;
    const box = holder.parentElement;
    // A slot the stylesheet hides (the phone footer on a wide screen) stays empty.
    if (!box.getClientRects().length) continue;
    const code = holder.content.cloneNode(true);
    for (const old of code.querySelectorAll("script")) {
      const fresh = document.createElement("script");
      for (const { name, value } of old.attributes) fresh.setAttribute(name, value);
      fresh.textContent = old.textContent;
      old.replaceWith(fresh);
    }
    holder.replaceWith(code);
  }
}

function ask(banner) {
  banner.hidden = false;
  banner.addEventListener("click", (event) => {
    const button = event.target.closest("[data-ad-consent-choice]");
    if (!button) return;
    const answer = button.dataset.adConsentChoice;
    try {
      localStorage.setItem(KEY, answer);
    } catch {
      // Private modes may refuse storage: the choice holds for this page.
    }
    banner.hidden = true;
    if (answer === "yes") run(true);
  });
}

function start() {
  const banner = document.querySelector("[data-ad-consent-banner]");
  const answer = chosen();
  run(!banner || answer === "yes");
  if (banner && answer === null) ask(banner);
}

if (document.readyState === "complete") start();
else window.addEventListener("load", start, { once: true });
