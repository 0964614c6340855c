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

function clearMessages(form) {
  for (const old of form.querySelectorAll(".comment-form__error, .comment-form__message")) old.remove();
  for (const field of form.querySelectorAll(".has-error")) field.classList.remove("has-error");
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
  }
}

function message(form, text, role) {
  const note = document.createElement("p");
  note.className = "comment-form__message";
  note.setAttribute("role", role);
  note.textContent = text;
  form.querySelector(".comment-form__notes").after(note);
  return note;
}

function refused(form, data) {
  message(form, data.message, "alert");
  let first = null;
  for (const [name, text] of Object.entries(data.errors || {})) {
    const input = form.elements[name];
    if (!input) continue;
    const error = document.createElement("span");
    error.className = "comment-form__error";
    error.id = "error_" + name;
    error.textContent = text;
    input.closest(".comment-form__field").classList.add("has-error");
    input.after(error);
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", error.id);
    first = first || input;
  }
  if (first) first.focus();
}

function shown(section, form, data) {
  const template = document.createElement("template");
  template.innerHTML = data.html;
  const piece = template.content.firstElementChild;
  if (data.status === "published") {
    let list = section.querySelector(".comment-list");
    if (!list) {
      list = document.createElement("ol");
      list.className = "comment-list";
      section.querySelector("[data-comments-mine]").after(list);
    }
    const parent = form.elements.parent.value;
    const under = parent && section.querySelector(`[data-comment="${CSS.escape(parent)}"]`);
    if (under) {
      let replies = under.querySelector(":scope > .comment-list--replies");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "comment-list comment-list--replies";
        under.append(replies);
      }
      replies.append(piece);
    } else {
      list.append(piece);
    }
  } else {
    section.querySelector("[data-comments-mine]").append(piece);
    // Shown again on the next visit, until a moderator decides (showMine).
    localStorage.setItem(SENT_KEY + section.dataset.article, String(Date.now()));
  }
  form.elements.body.value = "";
  form.querySelector("[data-cancel-reply]").click();
  message(form, data.message, "status");
  piece.scrollIntoView({ block: "nearest" });
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

  function rememberReader() {
    const remember = form.querySelector("[data-remember]");
    if (remember && remember.checked) {
      const saved = {};
      for (const name of ["name", "email", "website"]) saved[name] = form.elements[name].value;
      localStorage.setItem(REMEMBER_KEY, JSON.stringify(saved));
    } else {
      localStorage.removeItem(REMEMBER_KEY);
    }
  }

  // Sent in place (#12): the article is a shared cached page, so the answer
  // comes as JSON and the result is shown here, without leaving it.
  async function send() {
    await getToken().catch(() => {});
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" },
    });
    // Single use: whatever the answer, the next post needs a fresh token.
    tokenInput.value = "";
    fetchedAt = 0;
    return { ok: response.ok, data: await response.json() };
  }

  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    sending = true;
    rememberReader();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    clearMessages(form);
    let answer;
    try {
      answer = await send();
      // An expired or missing token is the page's fault, not the reader's: once more.
      if (!answer.ok && /^token_(expired|missing|forged)$/.test(answer.data.code)) {
        answer = await send();
      }
    } catch {
      // No usable answer (offline, a proxy's error page): the no-JS path.
      localStorage.setItem(SENT_KEY + section.dataset.article, String(Date.now()));
      form.submit();
      return;
    } finally {
      sending = false;
      button.disabled = false;
    }
    if (answer.ok) shown(section, form, answer.data);
    else refused(form, answer.data);
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
