"""The `tutor` command's first step, before anything else is imported: the same hashes in every process.

Python salts the hash of each string afresh in each process unless PYTHONHASHSEED is set, and sympy
meets the parts of an expression in the order of their hashes. Counted (tutor.budget.counted), the same
proof took 13,022 calls in one process and 14,229 in another, so an answer near its budget could be
proven in one run and "took too long" in the next (outside check h62, F3). The command therefore runs
itself again with the hashes fixed. That is done first, while nothing has been read or printed (exec
keeps the standard streams, and loses anything buffered), and before tutor.cli is imported: it costs a
start of the interpreter, a few hundredths of a second. Without the salt, collisions of Python's string
hash (SipHash) are still out of reach, so a dict of the names in a hostile file stays fast.
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    _fixed_hashes()
    from .cli import main as command

    return command()


def _fixed_hashes() -> None:
    if os.environ.get("PYTHONHASHSEED") == "0" or os.name != "posix" or not sys.executable:
        return
    os.environ["PYTHONHASHSEED"] = "0"
    try:
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    except OSError:
        del os.environ["PYTHONHASHSEED"]  # counted work then varies a little between processes, as before
