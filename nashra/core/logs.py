"""Log formatters (#17): every line scrubbed of e-mail and IP addresses,
and JSON, one object a line, when NASHRA_LOG_FORMAT=json."""

import json
import logging

from nashra.text.scrub import scrub

# The request line's fields (nashra/core/observe.py), kept as JSON keys.
FIELDS = ("request_id", "method", "path", "status", "ms", "kind", "cache", "client")


class PlainFormatter(logging.Formatter):
    def format(self, record):
        return scrub(super().format(record))


class JsonFormatter(logging.Formatter):
    def format(self, record):
        line = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for field in FIELDS:
            if hasattr(record, field):
                line[field] = getattr(record, field)
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        return scrub(json.dumps(line, ensure_ascii=False))
