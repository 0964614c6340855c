"""Mail servers on loopback for tests: a real one (aiosmtpd) and a hung one."""

import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller
from django.test import override_settings

from nashra.server.loopback import free_port


class Inbox:
    """aiosmtpd's handler: keeps every message it is given, parsed."""

    def __init__(self):
        self.messages = []
        self.arrived = threading.Condition()

    # aiosmtpd calls its handler methods by these names.
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        message.envelope_to = list(envelope.rcpt_tos)
        with self.arrived:
            self.messages.append(message)
            self.arrived.notify_all()
        return "250 OK"

    def wait_for(self, count=1, timeout=20):
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.messages) >= count, timeout)
        return self.messages


class LoopbackSMTP:
    """A real SMTP server on 127.0.0.1; `settings()` points delivery at it."""

    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def settings(self, **extra):
        return override_settings(**smtp_settings(self.port), **extra)


class HungSMTP:
    """Accepts connections and never says a word, like a wedged mail server."""

    def __init__(self):
        self.listener = socket.socket()
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.1)
        self.port = self.listener.getsockname()[1]
        self.held = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while not self.stopped.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            self.held.append(connection)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        self.listener.close()
        for connection in self.held:
            connection.close()

    def settings(self, **extra):
        return override_settings(**smtp_settings(self.port), **extra)


def smtp_settings(port):
    return {
        "EMAIL_BACKEND": "nashra.queue.mail.QueuedEmailBackend",
        "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_USE_SSL": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
    }
