"""Step-by-step explanations: the step model, the shared builders, the renderers.

A derivation is a tree of immutable Steps; each names its rule and keeps what it
started from and what it gave. The builders here are the ones several kinds use
(a derivative; critical points and their classification); a kind's own builder
lives in its folder (tutor/topics/<kind>/steps.py). They take the same arguments
as the solvers in tutor.calculus (and optionally a solver's result, to reuse
it); the renderers word any tree as plain text, LaTeX or JSON.
"""

from .critical import classify_steps, critical_steps
from .derivative import WRITTEN_LIMIT, derivative_steps, written_if_short
from .elimination import EliminationRule, elimination_steps
from .model import DERIVATIVE_RULES, PowerForm, Rule, Step, StepRule, Terms, step
from .render import TEMPLATES, render_latex, render_text, terms_text, to_json

__all__ = ["DERIVATIVE_RULES", "TEMPLATES", "WRITTEN_LIMIT", "EliminationRule", "PowerForm", "Rule", "Step",
           "StepRule", "Terms", "classify_steps", "critical_steps", "derivative_steps", "elimination_steps",
           "render_latex", "render_text", "step", "terms_text", "to_json", "written_if_short"]
