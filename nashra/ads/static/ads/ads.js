// Runs each ad slot's code once the page's own content has loaded (#20).
// The code waits in a <template>, inert; scripts copied out of it run as
// they are added (scripts parsed inside a template never would).

function run() {
  for (const holder of document.querySelectorAll("[data-ad-slot] template[data-ad-code]")) {
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

if (document.readyState === "complete") run();
else window.addEventListener("load", run, { once: true });
