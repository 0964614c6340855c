"""Every e-mail leaves through the task queue (#14, #17).

EMAIL_BACKEND is QueuedEmailBackend: sending a message from a request (a
comment alert, a review request, Wagtail's workflow notices and password
resets) only writes a job, so no request ever waits on a mail server. The
job, `deliver`, hands the message to the real backend (EMAIL_DELIVERY_BACKEND:
SMTP from EMAIL_URL, with EMAIL_TIMEOUT) and is retried with back-off while
the server is down or hung.
"""

import base64

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils.translation import gettext_lazy as _

from nashra.queue.background import background


def as_job_data(message):
    """The message as JSON the queue can store."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment(item) for item in message.attachments],
    }


def _attachment(item):
    filename, content, mimetype = item
    if isinstance(content, str):
        content = content.encode()
    return [filename, base64.b64encode(content).decode("ascii"), mimetype]


def from_job_data(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for filename, content, mimetype in data["attachments"]:
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


@background(label=_("Send an e-mail"), attempts=8)
def deliver(data):
    """Hand one message to the mail server; raising makes the queue retry."""
    connection = get_connection(
        settings.EMAIL_DELIVERY_BACKEND,
        fail_silently=False,
        timeout=settings.EMAIL_TIMEOUT,
    )
    connection.send_messages([from_job_data(data)])
    return {"to": len(data["to"]) + len(data["cc"]) + len(data["bcc"])}


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message for `deliver` instead of sending it now."""

    def send_messages(self, email_messages):
        sent = 0
        for message in email_messages:
            if not message.recipients():
                continue
            deliver.enqueue(as_job_data(message))
            sent += 1
        return sent
