// Story formats on the article page (#20): the click-to-load video player
// and the gallery's full-screen viewer. Nothing here loads from another
// host until the reader presses play.

function startPlayer(box) {
  const button = box.querySelector("[data-player-play]");
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = box.dataset.embed;
    frame.title = button.dataset.title || button.textContent.trim();
    frame.allow = "autoplay; fullscreen; picture-in-picture; encrypted-media";
    frame.allowFullscreen = true;
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.className = "story-player__frame";
    box.replaceChildren(frame);
    box.dataset.playing = "";
    frame.focus();
  });
}

function digitsOf(text, digits) {
  return digits && digits.length === 10
    ? String(text).replace(/[0-9]/g, (d) => digits[Number(d)])
    : String(text);
}

function startGallery(gallery) {
  const items = [...gallery.querySelectorAll("[data-gallery-item]")];
  const viewer = gallery.querySelector("[data-gallery-viewer]");
  if (!items.length || !viewer || typeof viewer.showModal !== "function") return;
  const image = viewer.querySelector("[data-gallery-image]");
  const caption = viewer.querySelector("[data-gallery-caption]");
  const counter = viewer.querySelector("[data-gallery-counter]");
  const stage = viewer.querySelector("[data-gallery-stage]");
  let current = 0;
  let opener = null;

  function show(index) {
    current = (index + items.length) % items.length;
    const item = items[current];
    image.src = item.href;
    image.srcset = item.dataset.srcset || "";
    image.sizes = "100vw";
    image.width = Number(item.dataset.width) || 0;
    image.height = Number(item.dataset.height) || 0;
    image.alt = item.dataset.alt || "";
    const figure = item.closest("figure");
    const text = figure.querySelector("figcaption");
    caption.replaceChildren(...(text ? [...text.cloneNode(true).childNodes] : []));
    counter.textContent = gallery.dataset.counter
      .replace("{current}", digitsOf(current + 1, gallery.dataset.digits))
      .replace("{total}", digitsOf(items.length, gallery.dataset.digits));
  }
  const rtl = () => getComputedStyle(gallery).direction === "rtl";
  const next = () => show(current + 1);
  const previous = () => show(current - 1);

  items.forEach((item, index) => {
    item.addEventListener("click", (event) => {
      event.preventDefault();
      opener = item;
      show(index);
      viewer.showModal();
      viewer.querySelector("[data-gallery-close]").focus();
    });
  });
  viewer.querySelector("[data-gallery-next]").addEventListener("click", next);
  viewer.querySelector("[data-gallery-prev]").addEventListener("click", previous);
  viewer.querySelector("[data-gallery-close]").addEventListener("click", () => viewer.close());
  viewer.addEventListener("close", () => {
    image.removeAttribute("src");
    image.removeAttribute("srcset");
    if (opener) opener.focus();
  });
  viewer.addEventListener("keydown", (event) => {
    // The "next" photo lies in the reading direction: left in Arabic.
    if (event.key === "ArrowLeft") {
      event.preventDefault();
      rtl() ? next() : previous();
    } else if (event.key === "ArrowRight") {
      event.preventDefault();
      rtl() ? previous() : next();
    } else if (event.key === "Tab") {
      // Keep Tab among the viewer's own controls (a modal dialog already
      // makes the page inert; this keeps focus off the browser's chrome).
      const controls = [...viewer.querySelectorAll("button")];
      const at = controls.indexOf(document.activeElement);
      const step = event.shiftKey ? -1 : 1;
      event.preventDefault();
      controls[(at + step + controls.length) % controls.length].focus();
    }
  });
  let start = null;
  stage.addEventListener("pointerdown", (event) => {
    start = { x: event.clientX, y: event.clientY };
    // The lifted finger may be outside the stage: its pointerup comes here.
    stage.setPointerCapture(event.pointerId);
    event.preventDefault();
  });
  stage.addEventListener("pointerup", (event) => {
    if (!start) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    start = null;
    if (Math.abs(dx) < 40 || Math.abs(dx) < Math.abs(dy)) return;
    // A swipe pulls the next photo in from the reading direction's end.
    const forward = rtl() ? dx > 0 : dx < 0;
    forward ? next() : previous();
  });
  stage.addEventListener("pointercancel", () => {
    start = null;
  });
}

document.querySelectorAll("[data-player]").forEach(startPlayer);
document.querySelectorAll("[data-gallery]").forEach(startGallery);
