"""Shared fixtures: a guard that makes network access impossible."""

from __future__ import annotations

import os
import socket

import pytest


class NetworkBlocked(RuntimeError):
    """Raised by the guard.  Not an OSError, so no library can mistake it for a
    passing network hiccup and quietly carry on."""


@pytest.fixture
def no_network(monkeypatch):
    """Block every outbound connection and name lookup; remove HF_* / TRANSFORMERS_* settings.

    Yields the list of attempts (the guard also raises), so a test can assert
    that nothing even tried, whatever a library did with the exception.
    Worker processes forked while the guard is on inherit it.
    """
    attempts: list[str] = []

    def refuse(name):
        def blocked(*args, **kwargs):
            attempts.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkBlocked(f"network access attempted: {attempts[-1]}")

        return blocked

    for attr in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, attr, refuse(f"socket.{attr}"))
    for attr in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, attr, refuse(attr))
    for var in list(os.environ):
        if var.startswith(("HF_", "TRANSFORMERS_", "HUGGINGFACE_", "SENTENCE_TRANSFORMERS_")):
            monkeypatch.delenv(var)
    yield attempts
