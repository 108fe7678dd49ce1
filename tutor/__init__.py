"""A calculus tutor: practice, step-by-step solutions and auto-grading for
partial derivatives, gradients, critical points, least squares and gradient descent.

The names below are imported when first used, so that a command that needs no mathematics
(`tutor progress`, `tutor pack list`) does not import sympy."""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .check import Verdict, check
    from .compare import Tolerance
    from .limits import LIMITS, Limits
    from .parse import Answer, Equation, InputError, read
    from .show import show

_WHERE = {"Answer": "parse", "Equation": "parse", "InputError": "parse", "read": "parse", "LIMITS": "limits",
          "Limits": "limits", "Tolerance": "compare", "Verdict": "check", "check": "check", "show": "show"}
__all__ = ["Answer", "Equation", "InputError", "LIMITS", "Limits", "Tolerance", "Verdict",
           "check", "read", "show"]
__version__ = "0.1.0"


def _exported(name: str) -> property:
    """`tutor.NAME`, imported on first use. A property, not a module `__getattr__`: `tutor.check` and
    `tutor.show` stay the functions after their modules are imported (the import's own
    `setattr(tutor, "check", module)` is ignored; the module is in sys.modules)."""
    def get(package: types.ModuleType) -> object:
        return getattr(importlib.import_module(f".{_WHERE[name]}", package.__name__), name)

    def ignore(package: types.ModuleType, value: object) -> None:
        pass

    return property(get, ignore)


class _Package(types.ModuleType):
    pass


for _name in _WHERE:
    setattr(_Package, _name, _exported(_name))
sys.modules[__name__].__class__ = _Package
