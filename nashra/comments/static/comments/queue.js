// Keyboard moderation in the comment queue (#14): j/k move between comments,
// a approves, s marks as spam, t moves to the trash: each presses the row's
// own button, so the keys do exactly what a click does (and nothing without
// the buttons, which work without this script).
const queue = document.querySelector("[data-comment-queue]");
if (queue) {
  const rows = [...queue.querySelectorAll("[data-comment-row]")];
  let current = rows.indexOf(rows.find((row) => row.contains(document.activeElement)));
  const focus = (index) => {
    if (!rows.length) return;
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows.forEach((row, n) => row.classList.toggle("is-current", n === current));
    rows[current].focus();
  };
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "j") focus(current + 1);
    else if (event.key === "k") focus(current - 1);
    else if (rows[current]) {
      const button = rows[current].querySelector(`[data-shortcut="${event.key}"]`);
      if (!button) return;
      button.click();
    } else return;
    event.preventDefault();
  });
  if (rows.length) focus(0);
}
