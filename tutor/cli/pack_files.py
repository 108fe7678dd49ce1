"""The actions of `tutor pack` that read packs: list (the files given), show, validate, new and schema;
and `load_pack`, the pack a command names, or its problems as one `UserError`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import packs
from ..builtin_packs import Listed
from ..outputs import OutputError
from ..pack_schema import json_schema
from ..plain_output import writing_plain
from ..variant_check import Unsettable, settable
from ..words import and_list, counted
from . import EXIT_INCORRECT, EXIT_OK, UserError
from .pack import line


def run(args: argparse.Namespace) -> int:
    if args.action == "list":
        for name in args.files:
            pack = load_pack(name)
            print(line(Listed(pack.id, pack.title, len(pack.exercises), pack.source)))
        return EXIT_OK
    if args.action == "show":
        pack = load_pack(args.pack, only=args.exercise)  # one exercise asked: the others' answers are not computed
        try:
            specs = [pack.exercise(args.exercise)] if args.exercise else list(pack.exercises)
        except KeyError as error:
            raise UserError(error.args[0]) from None
        print(f"{pack.id}: {pack.title} ({counted(len(pack.exercises), 'exercise')})")
        unsettable = False
        for number, spec in enumerate(specs, start=1):
            tags = f"  [{', '.join(spec.tags)}]" if spec.tags else ""
            under = " " * len(f"{number}. ")  # the body under the id, past 9 too (outside check h71, F9)
            try:
                exercise = settable(spec, args.student, args.seed)
            except Unsettable as error:  # the rest of the pack is still shown
                print(f"\n{number}. {spec.id} ({spec.kind}){tags}")
                whose = "for this student" if args.seed is None else "for this draw"
                print(f"{under}{error.message}; it is not graded {whose if spec.parameterised else 'nor practised'}")
                unsettable = True
                continue
            # the title as the student reads it, with the variant's numbers (outside check h12)
            title = f" · {exercise.title}" if exercise.title else ""
            print(f"\n{number}. {spec.id} ({spec.kind}){title}{tags}")
            print(f"{under}{exercise.prompt(latex=args.latex)}")
            if args.answers:
                keys = [exercise.expected(), *exercise.problem.also_right()]  # a rate as fast is as right
                shown = [exercise.problem.show_answer(key, latex=args.latex) for key in keys]
                print(f"{under}answer: " + and_list(shown, "or"))
        return EXIT_INCORRECT if unsettable else EXIT_OK
    if args.action == "validate":
        failed = False
        for name in args.files:
            try:
                pack, problems = packs.check(name)
            except packs.PackError as error:
                failed = True
                print("\n".join(error.problems))
                continue
            failed |= bool(problems)
            cautions = packs.cautions(pack)
            if problems:  # the cautions too: all of a pack's problems in one run (outside check h53, N4)
                print("\n".join([*problems, *cautions]))
                continue
            # a pass says what it checked: an exercise with too many draws to check each is named
            failed |= args.strict and bool(cautions)  # for a script that reads the exit status alone (h49, N4)
            exercises = counted(len(pack.exercises), "exercise")
            print("\n".join([f"{name}: not valid with --strict, for {counted(len(cautions), 'caution')} ({exercises}; "
                             "each one's answer grades as correct)" if args.strict and cautions else
                             f"{name}: valid ({exercises}; each one's answer grades as correct)",
                             *packs.sampled_only(pack), *cautions]))
        return EXIT_INCORRECT if failed else EXIT_OK
    if args.action == "schema":
        print(json.dumps(json_schema(), ensure_ascii=writing_plain(), indent=2))
        return EXIT_OK
    path = Path(args.file)
    if path.exists():
        raise UserError(f"{path} already exists; choose another name")
    try:
        path.write_text(packs.TEMPLATE, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"can't write {path} ({error.strerror})") from None
    print(f"wrote {path}; edit it, then run: tutor pack validate {path}")
    return EXIT_OK


def load_pack(name: str, verify: bool = True, only: str | None = None, when_set: bool = False) -> packs.Pack:
    """The pack; with `only`, the one exercise a command is about is the one whose answer is computed; with
    `when_set`, none (the caller checks each as it sets it: `packs.load`)."""
    try:
        return packs.load(name, verify=verify, only=only, when_set=when_set)
    except packs.PackError as error:
        raise UserError("\n".join(error.problems)) from None
