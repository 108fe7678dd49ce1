"""Draw the pictures the README and docs/reference/plot.md show, from the lesson, with `tutor.plot`.

    python3 docs/make_pictures.py

Writes docs/paraboloid-tangent-plane.png (x² + y² with its tangent plane at
(2, 4) and the slices y = 4 and x = 2) and docs/sauna-descent.png (the sauna's
temperature as a contour map: its critical points by class, the room, and
gradient descent from (0.5, 0.6) at rate 0.05). Run it again after changing
how pictures are drawn, and commit the PNGs with the change.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tutor.plot import contour_figure, descent_figure, surface_figure, write_png  # noqa: E402

HERE = Path(__file__).resolve().parent
SAUNA = "85 - 1/90 x^2 (x - 6) y^2 (y - 6)"
ROOM = "0 <= x <= 5, 0 <= y <= 5"


def paraboloid() -> Path:
    figure = surface_figure("x^2 + y^2", at="x=2, y=4", slices=True)
    return write_png(figure, HERE / "paraboloid-tangent-plane.png")


def sauna() -> Path:
    """The critical points and the room, with the descent's path drawn on the same map."""
    critical = contour_figure(SAUNA, critical=True, region=ROOM, name="T")
    (room,) = critical.panels
    (descent,) = descent_figure(SAUNA, "0.5, 0.6", "0.05", iterations=120, name="T").panels
    both = replace(room, title=f"{room.title}\n{descent.title.splitlines()[0]}, 120 iterations",
                   curves=descent.curves, markers=room.markers + descent.markers)
    return write_png(replace(critical, panels=(both,)), HERE / "sauna-descent.png")


if __name__ == "__main__":
    for path in (paraboloid(), sauna()):
        print(path.relative_to(HERE.parent))
