// Search as you type under the header box (#5). Progressive enhancement:
// without this file the box is a plain GET form to /search/.
// ARIA combobox pattern: the input keeps focus, aria-activedescendant
// points at the highlighted option, arrows move, Enter opens, Escape closes.

const DEBOUNCE_MS = 200;
const MIN_CHARS = 2;

function setUp(form) {
  const input = form.querySelector("input[name=q]");
  if (!input) return;
  const listId = `${input.id}-suggestions`;
  const list = document.createElement("ul");
  list.id = listId;
  list.className = "site-search__suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.labels?.[0]?.textContent ?? "");
  list.hidden = true;
  form.append(list);

  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);
  input.setAttribute("aria-expanded", "false");

  let timer = null;
  let controller = null;
  let active = -1;
  let options = [];

  const close = () => {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };

  const highlight = (index) => {
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    active = index;
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const render = (results) => {
    list.replaceChildren();
    options = results.map((result, i) => {
      const option = document.createElement("li");
      option.id = `${listId}-${i}`;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.dataset.url = result.url;
      const title = document.createElement("span");
      title.className = "site-search__suggestion-title";
      title.textContent = result.title;
      option.append(title);
      if (result.section) {
        const section = document.createElement("span");
        section.className = "site-search__suggestion-section";
        section.textContent = result.section;
        option.append(" ", section);
      }
      // mousedown, not click: the input's blur would close the list first.
      option.addEventListener("mousedown", (event) => {
        event.preventDefault();
        window.location.assign(result.url);
      });
      list.append(option);
      return option;
    });
    active = -1;
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(!list.hidden));
  };

  const fetchSuggestions = async () => {
    const q = input.value.trim();
    if (q.length < MIN_CHARS) {
      close();
      return;
    }
    controller?.abort();
    controller = new AbortController();
    try {
      const url = `${form.dataset.suggestUrl}?${new URLSearchParams({ q })}`;
      const response = await fetch(url, { signal: controller.signal });
      if (!response.ok) return;
      const data = await response.json();
      if (data.q.trim() === input.value.trim()) render(data.results);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, DEBOUNCE_MS);
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) {
        if (options.length) {
          list.hidden = false;
          input.setAttribute("aria-expanded", "true");
        }
        return;
      }
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      const next = active + step;
      highlight(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
    } else if (event.key === "Enter" && !list.hidden && active >= 0) {
      event.preventDefault();
      window.location.assign(options[active].dataset.url);
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });

  input.addEventListener("blur", close);
}

document.querySelectorAll("form[data-suggest-url]").forEach(setUp);
