"""Where `peergraph serve` logs go and how they read: text for a terminal, JSON lines for a
log pipeline (PEERGRAPH_LOG_FORMAT). uvicorn applies this as its log_config in every
server process, so the app's own loggers, uvicorn's and any library's warnings share one
handler and one format."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

from server.settings import Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# What every LogRecord has, and uvicorn's copy of its message with terminal colours;
# anything else on a record came from `extra=` and is a field.
STANDARD_ATTRIBUTES = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",
}


# What could end a line or rewrite a terminal if written raw: C0 and C1 controls and DEL,
# the line and paragraph separators, and the bidi controls that reorder what follows.
# The backslash too, so that an escape written here is told apart from one a client sent.
UNSAFE = re.compile(r"[\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
SHORT_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# A traceback's lines are indented under its record: none of them can pass for a record.
INDENT = "    "


def _escape_character(found: re.Match[str]) -> str:
    character = found.group()
    short = SHORT_ESCAPES.get(character)
    if short is not None:
        return short
    code = ord(character)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """The text on one line, every character that could forge or hide a line escaped."""
    return UNSAFE.sub(_escape_character, text)


def escaped_block(text: str) -> str:
    """A traceback or stack as indented lines under the record, each line escaped."""
    return "\n".join(INDENT + escaped(line) for line in text.splitlines())


class TextFormatter(logging.Formatter):
    """TEXT_FORMAT, one record a line whatever a client put in it: a request's path, a
    header, an operation name or an exception's message cannot start a line of its own
    or send a terminal an escape sequence."""

    def __init__(self) -> None:
        super().__init__(TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        safe = logging.makeLogRecord(
            {
                **vars(record),
                "name": escaped(record.name),
                "levelname": escaped(record.levelname),
                "msg": escaped(record.getMessage()),
                "args": None,
                "exc_info": None,
                "exc_text": None,
                "stack_info": None,
            }
        )
        line = super().format(safe)
        if record.exc_info:
            line += "\n" + escaped_block(self.formatException(record.exc_info))
        elif record.exc_text:
            line += "\n" + escaped_block(record.exc_text)
        if record.stack_info:
            line += "\n" + escaped_block(self.formatStack(record.stack_info))
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time, level, logger, message, the record's extra fields,
    and the traceback of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in STANDARD_ATTRIBUTES:
                line[key] = value
        if record.exc_info:
            line["traceback"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def logging_config(settings: Settings) -> dict[str, Any]:
    """A logging.config.dictConfig for uvicorn's log_config."""
    level = settings.log_level.upper()
    formatter: dict[str, Any] = {
        "()": JsonFormatter if settings.log_format == "json" else TextFormatter
    }
    handler = {"handlers": ["stderr"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"peergraph": formatter},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "peergraph",
                "stream": "ext://sys.stderr",
            }
        },
        "loggers": {
            "peergraph": handler,
            "uvicorn": handler,
            # The request lines of server/observe.py replace uvicorn's access log.
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
        # Libraries (the neo4j driver, Strawberry) speak up only when something is wrong.
        "root": {"handlers": ["stderr"], "level": "WARNING"},
    }
