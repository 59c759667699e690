"""What every command shares: the --json flag, printing data, and turning an `ArkivError` into
one line on stderr and its exit code (nothing else prints tracebacks at users)."""
from __future__ import annotations

import functools
import json
import sys
from typing import Any, Callable

import click

from corpus.errors import ArkivError


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")(f)


def emit(data: Any, as_json: bool, text: str | Callable[[], str] | None = None) -> None:
    """stdout carries the data: JSON, or the text (made only when it is printed)."""
    if as_json or text is None:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(text() if callable(text) else text)


def errors_to_exit(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        try:
            return f(*args, **kwargs)
        except ArkivError as e:
            click.echo(f"arkiv: {e}", err=True)
            sys.exit(e.exit_code)
        except KeyboardInterrupt:
            click.echo("arkiv: interrupted; run the same command again to finish", err=True)
            sys.exit(130)
    return wrapper
