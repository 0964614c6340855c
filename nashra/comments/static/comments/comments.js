// Comment form on cached article pages (#3, #8): the per-reader token is
// fetched when the reader starts, never printed into the shared HTML.
const REMEMBER_KEY = "nashra-commenter";
const SENT_KEY = "nashra-comment-sent:";
const TOKEN_AGE_MS = 5 * 60 * 60 * 1000;
const SENT_AGE_MS = 7 * 24 * 60 * 60 * 1000;

async function fetchJSON(url) {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (!response.ok) throw new Error(String(response.status));
  return response.json();
}

function setupForm(section) {
  const form = section.querySelector("[data-comment-form]");
  if (!form) return;
  const tokenInput = form.querySelector("[data-token]");
  let fetchedAt = 0;
  let pending = null;

  function getToken() {
    if (tokenInput.value && Date.now() - fetchedAt < TOKEN_AGE_MS) return Promise.resolve();
    if (!pending) {
      pending = fetchJSON(section.dataset.tokenUrl)
        .then((data) => {
          if (data.token) {
            tokenInput.value = data.token;
            fetchedAt = Date.now();
          }
        })
        .finally(() => { pending = null; });
    }
    return pending;
  }

  form.querySelector("[data-js]").value = "1";
  form.addEventListener("focusin", () => { getToken().catch(() => {}); }, { once: true });
  form.addEventListener("submit", (event) => {
    const remember = form.querySelector("[data-remember]");
    if (remember && remember.checked) {
      const saved = {};
      for (const name of ["name", "email", "website"]) saved[name] = form.elements[name].value;
      localStorage.setItem(REMEMBER_KEY, JSON.stringify(saved));
    } else {
      localStorage.removeItem(REMEMBER_KEY);
    }
    localStorage.setItem(SENT_KEY + section.dataset.article, String(Date.now()));
    if (tokenInput.value) return;
    // No token yet (the reader pasted and pressed enter): get one, then send;
    // without JS the server answers with the uncached confirmation form.
    event.preventDefault();
    getToken().then(() => form.submit(), () => form.submit());
  });

  const saved = localStorage.getItem(REMEMBER_KEY);
  if (saved) {
    try {
      const values = JSON.parse(saved);
      for (const name of ["name", "email", "website"]) {
        if (!form.elements[name].value && typeof values[name] === "string") {
          form.elements[name].value = values[name];
        }
      }
      form.querySelector("[data-remember]").checked = true;
    } catch { localStorage.removeItem(REMEMBER_KEY); }
  }

  const respond = section.querySelector("[data-comment-respond]");
  const home = respond.parentNode;
  const homeNext = respond.nextSibling;
  const parentInput = form.querySelector("[data-parent]");
  const note = form.querySelector("[data-reply-note]");
  section.addEventListener("click", (event) => {
    const link = event.target.closest("[data-reply-to]");
    if (!link) return;
    event.preventDefault();
    parentInput.value = link.dataset.replyTo;
    note.hidden = false;
    link.closest("[data-comment]").querySelector("article").after(respond);
    form.elements.body.focus();
  });
  form.querySelector("[data-cancel-reply]").addEventListener("click", () => {
    parentInput.value = "";
    note.hidden = true;
    home.insertBefore(respond, homeNext);
  });
}

async function showMine(section) {
  const key = SENT_KEY + section.dataset.article;
  const sentAt = Number(localStorage.getItem(key) || 0);
  const justSent = location.hash === "#comment-sent";
  if (!justSent && !(sentAt && Date.now() - sentAt < SENT_AGE_MS)) return;
  if (!justSent && !sentAt) return;
  try {
    const data = await fetchJSON(section.dataset.mineUrl);
    const box = section.querySelector("[data-comments-mine]");
    box.innerHTML = data.comments.join("");
    if (!data.comments.length) localStorage.removeItem(key);
    if (justSent && box.firstElementChild) box.firstElementChild.scrollIntoView();
  } catch { /* the page still works without the reader's own comments */ }
}

for (const section of document.querySelectorAll("[data-comments]")) {
  setupForm(section);
  showMine(section);
}
