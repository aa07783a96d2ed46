"""Where `peergraph serve` logs go and how they read: text for a terminal, JSON lines for a
log pipeline (PEERGRAPH_LOG_FORMAT). uvicorn applies this as its log_config in every
server process, so the app's own loggers, uvicorn's and any library's warnings share one
handler and one format."""

from __future__ import annotations

import json
import logging
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
    formatter: dict[str, Any] = (
        {"()": JsonFormatter} if settings.log_format == "json" else {"format": TEXT_FORMAT}
    )
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
