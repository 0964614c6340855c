// Nashra's service worker (#19): shows a breaking-news push, opens its article.
self.addEventListener("push", (event) => {
  const data = event.data ? event.data.json() : {};
  event.waitUntil(
    self.registration.showNotification(data.title || "", {
      body: data.body || "",
      data: { url: data.url || "/" },
      lang: "ar",
      dir: "rtl",
      tag: data.url,
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(self.clients.openWindow(event.notification.data.url));
});
