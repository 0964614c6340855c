// One-click browser notifications (#19). Permission is asked only when the
// reader presses the button, never on arrival.
const form = document.getElementById("push-optin");

async function turnOn(event) {
  event.preventDefault();
  const status = form.querySelector("[role=status]");
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    status.textContent = form.dataset.denied;
    return;
  }
  try {
    const registration = await navigator.serviceWorker.register(form.dataset.worker, { scope: "/" });
    await navigator.serviceWorker.ready;
    const subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: form.dataset.key,
    });
    const body = subscription.toJSON();
    body.breaking = form.elements.breaking.checked;
    body.sections = [...form.querySelectorAll("[name=section]:checked")].map((box) => Number(box.value));
    const response = await fetch(form.dataset.subscribe, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    status.textContent = (await response.json()).message;
  } catch {
    status.textContent = form.dataset.failed;
  }
}

if (form) {
  // Shown from the start, so nothing moves; disabled where push is missing.
  if ("serviceWorker" in navigator && "PushManager" in window && "Notification" in window) {
    form.addEventListener("submit", turnOn);
  } else {
    form.querySelector("button").disabled = true;
  }
}
