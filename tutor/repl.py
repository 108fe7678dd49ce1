"""The practice REPL: a prompt_toolkit shell around a practice Session.

History that persists, suggestions from it (never an answer already given to
the exercise on the screen), completion of commands, of skills after :topic and
of the exercise's names, maths highlighted as it is typed, and a toolbar that
shows how the answer so far reads ("read as: 6xy³") above the pack, the
exercise number, the exercises solved, the attempts and the streak. Ctrl-C
clears the line, and while an answer or a command is being worked on, stops that work and gives the
prompt back; Ctrl-D quits, and so does closing the terminal window.

Answers piped in (`tutor < answers.txt`) are read line by line instead, each
printed after its prompt, so the output reads as the session it was: no
toolbar, no terminal codes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from prompt_toolkit import PromptSession
from prompt_toolkit.application import get_app, get_app_session
from prompt_toolkit.auto_suggest import AutoSuggest, Suggestion
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.completion import CompleteEvent, Completer, Completion
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import FormattedText, StyleAndTextTuples
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.lexers import Lexer
from prompt_toolkit.output import ColorDepth
from prompt_toolkit.shortcuts import print_formatted_text
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import suspend_to_background_supported

from . import workers
from .limits import LIMITS
from .parse import echoed
from .practice import COMMANDS, Line, Session, command

STYLE = Style.from_dict({
    "correct": "ansigreen bold",
    "incorrect": "ansired bold",
    "invalid": "ansiyellow",
    "close": "ansiyellow bold",
    "exercise": "bold",
    "heading": "bold",
    "hint": "ansicyan",
    "muted": "ansibrightblack",
    "math.number": "ansiblue",
    "math.name": "",
    "math.function": "ansimagenta",
    "math.operator": "ansibrightblack",
    "math.bracket": "bold",
    "math.command": "ansicyan",
    "bottom-toolbar": "noreverse bg:#303030 #d0d0d0",
    "bottom-toolbar.preview": "bg:#303030 #87d787",
    "bottom-toolbar.error": "bg:#303030 #ffaf5f",
})

_TOKENS = re.compile(r"(?P<number>\d+\.?\d*|\.\d+)|(?P<name>[A-Za-zα-ωΑ-Ωπ]+)|(?P<bracket>[()\[\]{}|⟨⟩])"
                     r"|(?P<operator>[-+*/^=,·×÷−√!])|(?P<other>.)", re.S)


class MathLexer(Lexer):
    """Colours the answer being typed: numbers, names, functions, operators, brackets."""

    def __init__(self, functions: Iterable[str]):
        self.functions = set(functions)

    def lex_document(self, document: Document) -> Callable[[int], StyleAndTextTuples]:
        def line(number: int) -> StyleAndTextTuples:
            text = document.lines[number]
            if text.lstrip().startswith(":"):
                return [("class:math.command", text)]
            fragments: StyleAndTextTuples = []
            for match in _TOKENS.finditer(text):
                kind = match.lastgroup
                if kind == "name" and match.group() in self.functions:
                    kind = "function"
                fragments.append((f"class:math.{kind}" if kind != "other" else "", match.group()))
            return fragments
        return line


class AnswerCompleter(Completer):
    """`:` completes commands, `:topic ` the pack's skills; elsewhere the word being typed completes
    to a variable or function."""

    def __init__(self, session: Session):
        self.session = session

    def get_completions(self, document: Document, complete_event: CompleteEvent) -> Iterable[Completion]:
        text = document.text_before_cursor
        if text.lstrip().startswith(":"):
            word = text.lstrip()
            name, space, argument = word.partition(" ")
            if space:
                if command(name) == (":topic", ""):
                    for skill in self.session.skills():
                        if skill.startswith(argument):
                            yield Completion(skill, -len(argument))
                return
            for name, what in COMMANDS.items():
                if name.startswith(word):
                    yield Completion(name, -len(word), display_meta=what)
            return
        match = re.search(r"[A-Za-z]*$", text)  # matches every text, perhaps with no letters
        word = match.group() if match else ""
        if not word:
            return
        for name in self.session.names():
            if name.startswith(word) and name != word:
                yield Completion(name, -len(word))


def emit_lines(lines: Iterable[Line], output=None) -> None:
    output = output or get_app_session().output
    width = output.get_size().columns - 1  # a character in the last column moves some terminals' cursor on
    for line in lines:
        # trailing spaces (a table's padded last column) would wrap a row that fits onto a blank line (h45, F3)
        for text in (part for row in line.text.split("\n") for part in _wrapped(row.rstrip(), width)):
            print_formatted_text(FormattedText([(f"class:{line.style}" if line.style else "", text)]), style=STYLE,
                                 output=output, color_depth=ColorDepth.MONOCHROME if _monochrome() else None)


_GAP = re.compile(r" {2,}")  # between a table's columns
# a line's marker, after its indent: a verdict's ✓ or ✗, a numbered step's "3." or "3.2.", a list's bullet
_MARKER = re.compile(r"\s*(?:[✓✗~•-]|(?:\d+\.)+)\s+")


def _wrapped(text: str, width: int) -> list[str]:
    """A line of the tutor's own, wrapped at spaces to the window's width, each further line indented under the
    first's words (the terminal cut words in two: "iterati⏎on", outside check h35, F6). A line laid out in columns
    (a table's row: two gaps of two spaces or more) stays as it is, as a word longer than a line does: cut
    anywhere, both would read wrong."""
    if len(text) <= width or width < 20 or len(_GAP.findall(text.strip())) > 1:
        return [text]
    marker = _MARKER.match(text)
    hanging = " " * (marker.end() if marker else len(text) - len(text.lstrip()))
    kept = _BRACKETED.sub(lambda group: group[0].replace(" ", _KEPT) if len(group[0]) <= width // 2 else group[0], text)
    return [row.replace(_KEPT, " ") for row in
            textwrap.wrap(kept, width, subsequent_indent=hanging, break_long_words=False, break_on_hyphens=False)]


# a short bracket is not broken: "(y -" at a line's end and "6)/90" at the next's read as other terms (h45, F4)
_BRACKETED = re.compile(r"\([^()\n]*\)")
_KEPT = "\u00a0"  # a space textwrap does not break at, put back after


class NewAnswersOnly(AutoSuggest):
    """Suggestions from the history, as prompt_toolkit's AutoSuggestFromHistory makes them, except an
    answer already given to the exercise on the screen: a repeat must be worked out again."""

    def __init__(self, session: Session):
        self.session = session

    def get_suggestion(self, buffer: Buffer, document: Document) -> Suggestion | None:
        typed = document.text.rsplit("\n", 1)[-1]
        if not typed.strip():
            return None
        given = self.session.given_answers()
        for line in reversed(list(buffer.history.get_strings())):
            if line.startswith(typed) and line != typed and line.strip() not in given:
                return Suggestion(line[len(typed):])
        return None


class _KeptHistory(FileHistory):
    """A history file that, once it can't be written (a full disk), goes on in memory only."""

    def store_string(self, string: str) -> None:
        with contextlib.suppress(OSError):  # the line is still in this session's history
            super().store_string(string)


def _history(path: Path) -> History:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _KeptHistory(str(path))
    except OSError:  # a read-only home: history for this session only
        return InMemoryHistory()


class _Ended(BaseException):
    """Out of the wait for an answer when the session is told to end; not an Exception, so that
    prompt_toolkit's event loop lets it through as it does KeyboardInterrupt."""


class Ending:
    """While entered, closing the terminal window (SIGHUP) or a request to stop (SIGTERM) ends the
    session as :quit does, where by default they kill the process and, with it, the writes kept while
    the database was locked. A signal ends the wait for an answer at once; one that comes while an
    answer is checked or saved lets that finish first (a write cut off between its commit and its
    bookkeeping would be done twice), and so does one while the session closes."""

    SIGNALS = [getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name)]

    def __init__(self) -> None:
        self.asked = False
        self.waiting = False
        self.before: dict = {}
        # where the wait is an event loop's (the Shell's prompt): ends it from there; else the handler raises _Ended
        self.end_wait: Callable[[], None] | None = None

    def __enter__(self) -> Ending:
        self.before = {number: signal.signal(number, self._signalled) for number in self.SIGNALS}
        return self

    def __exit__(self, *_: object) -> None:
        for number, handler in self.before.items():
            signal.signal(number, handler)

    def _signalled(self, _number: int, _frame: object) -> None:
        self.asked = True
        if self.waiting:
            if self.end_wait is not None:
                self.end_wait()
                return
            self.waiting = False
            raise _Ended

    def read(self, read: Callable[[str], str], prompt: str) -> str:
        if self.asked:
            raise _Ended
        self.waiting = True
        try:
            return read(prompt)
        finally:
            self.waiting = False


def converse(session: Session, read: Callable[[str], str], emit: Callable[[list[Line]], None],
             ending: Ending | None = None) -> None:
    """The session, one line read at a time, until it ends, the input does, or `ending` is asked."""
    ending = ending or Ending()  # not entered: reads, and is never asked
    emit(session.start())
    try:
        while not session.finished:
            emit(session.save_kept())  # writes kept while the database was locked, at each prompt
            try:
                text = ending.read(read, "answer> ")
            except KeyboardInterrupt:  # Ctrl-C: a fresh line
                continue
            except EOFError:  # Ctrl-D, or the end of a pipe
                emit(session.handle(":quit"))
                break
            except _Ended:  # the window was closed: no one to say goodbye to
                break
            try:
                for lines in session.handling(text):  # each part printed as it comes: a verdict before what follows
                    emit(lines)
            except KeyboardInterrupt:  # Ctrl-C while it works: that work is dropped, the session goes on
                emit(session.interrupted())
    finally:
        session.close()


def _monochrome() -> bool:
    """Whether the terminal shows no colour: NO_COLOR set (https://no-color.org), or a terminal of one colour
    (TERM=xterm-mono, vt100), which prompt_toolkit would send 256 colours (outside check h23)."""
    term = os.environ.get("TERM", "")
    return "NO_COLOR" in os.environ or term.endswith("-mono") or term in ("vt100", "vt102", "vt220", "")


class Shell:
    def __init__(self, session: Session, history: History | Path | None = None,
                 emit: Callable[[list[Line]], None] = emit_lines, ending: Ending | None = None, **prompt_options):
        self.session = session
        self.emit = emit
        self.ending = ending
        if isinstance(history, Path):
            history = _history(history)
        plain = _monochrome()
        self.prompt: PromptSession[str] = PromptSession(
            history=history or InMemoryHistory(),
            # a suggestion is told from what was typed only by its grey: none where the terminal shows no colour
            auto_suggest=None if plain else NewAnswersOnly(session),
            color_depth=ColorDepth.MONOCHROME if plain else None,
            reserve_space_for_menu=0,  # typing on a window of 8 rows pushed the question off it (outside check h23)
            completer=AnswerCompleter(session),
            complete_while_typing=False,
            lexer=MathLexer(n for n in session.names() if len(n) > 1),
            bottom_toolbar=self.toolbar,
            style=STYLE,
            key_bindings=_bounded(LIMITS.max_length + 1),
            enable_suspend=True,  # Ctrl-Z puts the session in the background, as in a shell; `fg` brings it back
            **prompt_options,
        )

    def toolbar(self) -> FormattedText:
        app = self.prompt.app
        typed = app.current_buffer.text
        try:
            with workers.keyboard(app.input.fileno(), self._ctrl_c_typed):
                preview = self.session.preview(typed)
        except KeyboardInterrupt:  # Ctrl-C typed while the worker was at it (or stopped): the line is given up
            preview = ""
        style = "class:bottom-toolbar.error" if preview.startswith("can't") else "class:bottom-toolbar.preview"
        # prompt_toolkit cuts a toolbar line at the window's edge: a cut "read as" looks like a lost term
        width = max(self.prompt.app.output.get_size().columns - 1, 12)
        reading = textwrap.wrap(preview, width - 1, subsequent_indent="  ", break_on_hyphens=False) or [" "]
        status = _packed(self.session.status().strip().split(" · "), width - 1)
        return FormattedText([(style, "".join(f" {line}\n" for line in reading)),
                              ("class:bottom-toolbar", "\n".join(f" {line}" for line in status))])

    def _ctrl_c_typed(self) -> bool:
        """Whether the keys typed while the toolbar waits for a worker hold Ctrl-C (or the terminal is gone).
        They are read here, as the prompt reads keys only between drawings, and given to the prompt as typed,
        handled as soon as the toolbar is drawn: Ctrl-C clears the line, as ever."""
        app = self.prompt.app
        keys = app.input.read_keys()
        app.key_processor.feed_multiple(keys)
        asyncio.get_running_loop().call_soon(app.key_processor.process_keys)
        return app.input.closed or any(key.key == Keys.ControlC for key in keys)

    def run(self) -> None:
        if self.ending is not None:
            self.ending.end_wait = self._end_wait
        converse(self.session, self._read, self.emit, self.ending)

    def _read(self, prompt: str) -> str:
        return self.prompt.prompt(prompt, pre_run=self._ended_already)

    def _end_wait(self) -> None:
        """From the signal handler: the prompt ends its wait with _Ended, in its own event loop. Raised in the
        handler itself, _Ended could land inside one of the loop's callbacks (the toolbar drawn as a key came),
        where asyncio catches and logs it: the prompt then waited for an Enter no one could type, with the
        terminal gone, and the process lived on, holding the progress database."""
        app = self.prompt.app
        if app.future is not None and app.loop is not None:  # else not waiting yet: `_ended_already` sees it
            app.loop.call_soon_threadsafe(self._exit)

    def _ended_already(self) -> None:
        if self.ending is not None and self.ending.asked:  # asked between the last answer and this prompt
            self._exit()

    def _exit(self) -> None:
        app = self.prompt.app
        if app.future is not None and not app.future.done():
            app.exit(exception=_Ended())


def _packed(parts: list[str], width: int) -> list[str]:
    """The status's parts (`exercise 1 of 44`, `solved 0`, ...) joined with ` · ` in lines of at most
    `width` characters, a part never split (one longer than a line is cut there, as nothing else fits)."""
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += " · " + part
        else:
            lines.append(part[:width])
    return lines


def _bounded(cap: int) -> KeyBindings:
    """Typing or pasting stops at `cap` characters, one past the longest answer (so the toolbar says it
    is too long): a 100 KB paste typed in key by key re-drew and re-read an ever longer line each time,
    for minutes and gigabytes."""
    bindings = KeyBindings()

    @bindings.add(Keys.Any, filter=Condition(lambda: len(get_app().current_buffer.text) >= cap))
    def _full(event: KeyPressEvent) -> None:
        pass  # a character past the cap is not inserted

    @bindings.add("c-z", filter=~Condition(suspend_to_background_supported))
    def _no_suspending(event: KeyPressEvent) -> None:
        pass  # where a program can't be suspended (Windows), Ctrl-Z is not a character of the answer either

    @bindings.add(Keys.BracketedPaste)
    def _paste(event: KeyPressEvent) -> None:
        text = event.data.replace("\r\n", "\n").replace("\r", "\n")  # as prompt_toolkit's own paste does
        # a tab copied at an end of the answer is a space, as the reader takes it, not ^I on the line; one inside it
        # stays, and is told (answers.md: "Your answer has a tab in it")
        text = _END_TABS.sub(lambda tabs: " " * len(tabs[0]), text)
        event.current_buffer.insert_text(text[:max(cap - len(event.current_buffer.text), 0)])

    return bindings


_END_TABS = re.compile(r"^\t+|\t+$")


class Piped:
    """A session whose answers come from a pipe or a file, a line each (`tutor < answers.txt`): each
    printed after its prompt, and everything as plain text, so the output reads as the session it
    was. prompt_toolkit would draw its toolbar and terminal codes into it instead. So is a session typed
    whose output goes to a file, and one on a terminal that understands no codes (TERM=dumb): there the
    prompt comes first and the terminal shows the answer typed."""

    def __init__(self, session: Session, lines: TextIO, out: TextIO, ending: Ending | None = None):
        self.session = session
        self.lines = lines
        self.out = out
        self.ending = ending
        self.typing = lines.isatty() and out.isatty()  # at a terminal that can't draw (TERM=dumb)

    def read(self, prompt: str) -> str:
        typing = self.typing
        prompted = False
        while True:
            try:
                if typing and not prompted:  # the prompt first, and the terminal shows what is typed
                    prompted = True
                    print(prompt, end="", file=self.out, flush=True)
                line = self.lines.readline()
            except KeyboardInterrupt:
                # the next prompt on a line of its own, not after the text given up (as the full screen), also
                # when Ctrl-C comes between the prompt shown and the read begun, as on a busy machine
                if prompted:
                    print(file=self.out, flush=True)
                raise
            if not line:
                if typing:
                    print(file=self.out, flush=True)  # Ctrl-D: "Bye" on a line of its own
                raise EOFError
            text = line.rstrip("\r\n")
            if not typing:
                print(f"{prompt}{echoed(text)}", file=self.out, flush=True)  # a pasted escape sequence shown, not run
            undecoded = [ord(c) - 0xDC00 for c in text if 0xDC80 <= ord(c) <= 0xDCFF]  # surrogateescape's bytes
            if not undecoded:
                return text
            # a file saved in Latin-1 or cp1252 (x² as the byte B2): said as a byte to look for, not as Python's escape
            where = f"{echoed(text)}\n" + "".join("^" if 0xDC80 <= ord(c) <= 0xDCFF else " " for c in text).rstrip()
            print(f"{where}\nThe byte 0x{undecoded[0]:02X} is not {self._encoding()} text: save the answers as "
                  f"{self._encoding()} and try again.", file=self.out, flush=True)

    def _encoding(self) -> str:
        name = getattr(self.lines, "encoding", None) or "utf-8"
        return "UTF-8" if name.lower().replace("-", "").replace("_", "") == "utf8" else name

    def emit(self, lines: Iterable[Line]) -> None:
        for line in lines:
            print(line.text, file=self.out, flush=True)

    def run(self) -> None:
        converse(self.session, self.read, self.emit, self.ending)
