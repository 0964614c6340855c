// The live desk (#15): Enter publishes without a reload, Shift+Enter is a new
// line; the text box holds quotations and links too, a photo goes with it;
// edit, pin, key event and delete act on a row; the list follows what
// colleagues post by asking for it every few seconds.
const desk = document.querySelector("[data-live-desk]");

if (desk) {
  const form = desk.querySelector("[data-desk-form]");
  const box = form.querySelector("textarea");
  const rows = desk.querySelector("[data-desk-rows]");
  const error = desk.querySelector("[data-desk-error]");
  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;
  let busy = false;

  const send = async (url, data) => {
    data.append("csrfmiddlewaretoken", token);
    const response = await fetch(url, { method: "POST", body: data, headers: { "X-CSRFToken": token } });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(answer.error || String(response.status));
    return answer;
  };
  const show = (answer) => {
    if (answer.rows !== undefined) rows.innerHTML = answer.rows;
  };

  const photo = form.querySelector("[name=image]");
  const publish = async () => {
    if (busy || (!box.value.trim() && !photo.files.length)) return;
    busy = true;
    error.textContent = "";
    try {
      show(await send(form.action, new FormData(form)));
      form.reset();
      box.focus();
    } catch (problem) {
      error.textContent = problem.message;
    } finally {
      busy = false;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    publish();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      publish();
    }
  });

  rows.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-action]");
    if (!button) return;
    const row = button.closest("[data-entry]");
    const action = button.dataset.action;
    const data = new FormData();
    data.append("action", action);
    if (action === "delete" && !window.confirm(desk.dataset.confirmDelete)) return;
    if (action === "edit") {
      const text = row.querySelector("[data-text]");
      if (!text.isContentEditable) {
        text.contentEditable = "plaintext-only";
        text.focus();
        button.dataset.editing = "1";
        return;
      }
      data.append("body", text.innerText);
    }
    const url = desk.dataset.actUrl.replace(/0\/$/, `${row.dataset.entry}/`);
    try {
      show(await send(url, data));
    } catch (problem) {
      error.textContent = problem.message;
    }
  });

  setInterval(async () => {
    // Not while an editor is changing a row: the new list would replace it.
    if (document.hidden || rows.querySelector("[contenteditable]")) return;
    const response = await fetch(desk.dataset.rowsUrl).catch(() => null);
    if (response?.ok) show(await response.json());
  }, 5000);
}
