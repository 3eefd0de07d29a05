"""A quiet build: nothing printed on a clean build that a maintainer cannot act on.

Silenced, as INFO or DEBUG only (warnings and errors always pass):
- jieba's dictionary loading ("Building prefix dict …", "Loading model …"), which
  Material's search prints at every build;
- mkdocs-static-i18n's account of its own configuration ("Building 'en' documentation",
  "Overriding 'en' config 'site_name' …", "Translated 2 navigation elements");
- MkDocs' "Cleaning site directory" and "Building documentation to directory".
Material's end-of-life notice is printed before any hook runs; the Makefile sets
NO_MKDOCS_2_WARNING for it (README, Maintenance notes, records the end of life).
"""

from __future__ import annotations

import logging

#: Loggers whose INFO and DEBUG records are dropped (their children included).
QUIET_LOGGERS = ("jieba", "mkdocs.plugins.mkdocs_static_i18n")
#: Messages of MkDocs' build logger that are dropped when they are INFO.
QUIET_MESSAGES = ("Cleaning site directory", "Building documentation to directory")


class _Quiet(logging.Filter):
    """Drops INFO and DEBUG records of the loggers and messages above."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        if any(record.name == name or record.name.startswith(name + ".") for name in QUIET_LOGGERS):
            return False
        return not (record.name == "mkdocs.commands.build" and str(record.msg).startswith(QUIET_MESSAGES))


_FILTER = _Quiet()


def quiet_build() -> None:
    """Install the filter (once) on every logger that prints what it drops. A logger's
    filters see only its own records, so each named logger gets it, and so does every
    handler of the root and `mkdocs` loggers, which children's records reach."""
    loggers = [logging.getLogger(), logging.getLogger("mkdocs"), logging.getLogger("mkdocs.commands.build"), *map(logging.getLogger, QUIET_LOGGERS)]
    for logger in loggers:
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
        for handler in logger.handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
