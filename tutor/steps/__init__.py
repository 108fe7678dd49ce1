"""Step-by-step explanations: the step model, the builders, the renderers.

A derivation is a tree of immutable Steps; each names its Rule and keeps what it
started from and what it gave. The builders take the same arguments as the
solvers in tutor.calculus (and optionally a solver's result, to reuse it); the
renderers word the tree as plain text, LaTeX or JSON.
"""

from .critical import classify_steps, critical_steps
from .derivative import derivative_steps
from .descent import descent_steps
from .gradient import gradient_steps, tangent_steps
from .least_squares import least_squares_steps
from .model import DERIVATIVE_RULES, PowerForm, Rule, Step
from .render import TEMPLATES, render_latex, render_text, to_json

__all__ = ["DERIVATIVE_RULES", "PowerForm", "Rule", "Step", "TEMPLATES", "classify_steps", "critical_steps",
           "derivative_steps", "descent_steps", "gradient_steps", "least_squares_steps",
           "render_latex", "render_text", "tangent_steps", "to_json"]
