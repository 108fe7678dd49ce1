"""How the grader's files write values: numbers rounded one way, and untrusted text made safe
for Markdown and HTML.

A student's answer or id can hold anything: `<script>`, quotes, `|` that
would split a Markdown table, backticks, control characters. Both escapes
keep the text readable and make it inert.
"""

from __future__ import annotations

import html
import re
from fractions import Fraction
from functools import lru_cache

from .words import printable

# _ within a word (f_xx) is no emphasis; a bracket is markup only as a link's or a reference's end, `](`, `][` or `]:`
# (an answer [6, 25] was \[6, 25\] in a page mailed as plain text: outside check h47, F6)
_MARKDOWN = re.compile(r"([\\`*~]|\](?=[(\[:])|(?<![^\W_])_|_(?![^\W_]))")
# a | is markup only in a table, which needs a line of |, - and : alone below its head: such a line is escaped,
# any other line's | left as it is (|f′| was \|f′\| in a page mailed as plain text: outside check h63, F10)
_TABLE_RULE = re.compile(r"[\s:-]*\|[\s|:-]*")
# What GitHub's Markdown (cmark-gfm) and markdown-it's linkify make a link of in plain text: a scheme's
# ://, www., a domain's .com. A backslash before the : or . breaks each; an email's @ needs more (below).
_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")  # <b>, </p>, <!--, <?php, <http://…>: a tag, a comment or a link
_ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")  # &lt;, &#60;: an & is markup only as an entity's start
_AUTOLINK = re.compile(r":(?=//)|(?<=www)\.|\.(?=[^\W\d_])", re.I)


def _visible(text: str) -> str:
    """One line of printable text: line breaks become spaces, other control characters are escaped."""
    return printable(re.sub(r"[\r\n\t]+", " ", text))


def markdown_text(text: str, cell: bool = False) -> str:
    """Text shown as itself in Markdown (never as markup, HTML or a link), on one line; `cell`: in a table's cell,
    where a | ends it. A > is markup only starting a line (a quote), a < only before what opens a tag or an autolink
    (a letter, /, ! or ?), and an & only as an entity's start (&lt;), so only there is each escaped: the pages are
    mailed as plain text too, where "x &lt; 0" reads badly (outside check h46, N9)."""
    escaped = _TAG_OPENER.sub("&lt;", _ENTITY.sub("&amp;", _visible(text)))
    escaped = "&gt;" + escaped[1:] if escaped.startswith(">") else escaped
    text = _AUTOLINK.sub(r"\\\g<0>", _MARKDOWN.sub(r"\\\1", escaped))
    if cell or _TABLE_RULE.fullmatch(text):
        text = text.replace("|", r"\|")
    # cmark-gfm finds emails after escapes: a word joiner splits one, unseen on the page and in the page mailed as
    # plain text alike (its entity, &#8288;, showed in the text: outside check h12)
    return text.replace("@", "@\u2060")


def html_text(text: str) -> str:
    """Text shown as itself in HTML, in an element or a quoted attribute, on one line."""
    return html.escape(_visible(text), quote=True)


def number(value: Fraction, places: int = 4) -> str:
    """0.5, 1, 0.3333: rounded half to even, exactly, without trailing zeros."""
    if value.denominator == 1:  # most scores: hashing a Fraction for the cache would cost more
        return str(value.numerator)
    return _rounded(value, places)


@lru_cache(maxsize=4096)  # a class has few distinct scores, and Fraction arithmetic is slow
def _rounded(value: Fraction, places: int) -> str:
    text = f"{float(round(value, places)):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
