"""Read a Hunspell dictionary (.dic + .aff) into plain word forms, without a C library.

Only what the Swedish dictionary (Debian `hunspell-sv`, sv_SE) uses is implemented: single-character
flags, suffix rules (SFX) with strip/add/condition and compound flags carried by affixes, the
compound flags COMPOUNDBEGIN / COMPOUNDMIDDLE / COMPOUNDEND / ONLYINCOMPOUND, NEEDAFFIX and
FORBIDDENWORD. Prefix rules are read too (sv_SE has none). The result is every full form with the
roles it can play in a compound, which is all the repairer needs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

# Roles a form can have; a form can have several.
STANDALONE = 1      # a word on its own
BEGIN = 2           # first part of a compound
MIDDLE = 4          # middle part of a compound
END = 8             # last part of a compound


@dataclass
class _Affix:
    strip: str
    add: str
    flags: str
    cond: re.Pattern[str] | None


@dataclass
class _AffixSet:
    kind: str                      # "SFX" or "PFX"
    rules: list[_Affix] = field(default_factory=list)


@dataclass
class AffixFile:
    compound_begin: str = ""
    compound_middle: str = ""
    compound_end: str = ""
    compound_flag: str = ""
    only_in_compound: str = ""
    need_affix: str = ""
    forbidden: str = ""
    affixes: dict[str, _AffixSet] = field(default_factory=dict)


def read_aff(path: Path) -> AffixFile:
    aff = AffixFile()
    simple = {"COMPOUNDBEGIN": "compound_begin", "COMPOUNDMIDDLE": "compound_middle",
              "COMPOUNDEND": "compound_end", "COMPOUNDFLAG": "compound_flag",
              "ONLYINCOMPOUND": "only_in_compound", "NEEDAFFIX": "need_affix",
              "FORBIDDENWORD": "forbidden"}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        key = parts[0]
        if key in simple and len(parts) > 1:
            setattr(aff, simple[key], parts[1])
        elif key in ("SFX", "PFX") and len(parts) >= 4:
            flag = parts[1]
            if len(parts) == 4 and parts[3].isdigit():      # header line: SFX A Y 3
                aff.affixes[flag] = _AffixSet(key)
                continue
            if flag not in aff.affixes or len(parts) < 5:
                continue
            strip = "" if parts[2] == "0" else parts[2]
            add, _, flags = parts[3].partition("/")
            add = "" if add == "0" else add
            cond = parts[4]
            pattern = None
            if cond != ".":
                pattern = re.compile((cond + "$") if key == "SFX" else ("^" + cond))
            aff.affixes[flag].rules.append(_Affix(strip, add, flags, pattern))
    return aff


def _roles(flags: str, aff: AffixFile) -> int:
    roles = 0
    if aff.only_in_compound not in flags or not aff.only_in_compound:
        roles |= STANDALONE
    if aff.compound_flag and aff.compound_flag in flags:
        roles |= BEGIN | MIDDLE | END
    if aff.compound_begin and aff.compound_begin in flags:
        roles |= BEGIN
    if aff.compound_middle and aff.compound_middle in flags:
        roles |= MIDDLE
    if aff.compound_end and aff.compound_end in flags:
        roles |= END
    return roles


def expand(dic: Path, aff_path: Path) -> dict[str, tuple[int, bool]]:
    """Every form of the dictionary: form -> (roles bit set, written with a capital in the .dic).

    Suffixed forms of a stem that may end a compound may end one too (Hunspell lets the last part
    of a compound take suffixes); suffixes carrying their own compound flags (`s/WXZ`, the linking
    s of `förvaltnings-`) give the form exactly those roles.
    """
    aff = read_aff(aff_path)
    out: dict[str, tuple[int, bool]] = {}

    def add(form: str, roles: int, capital: bool) -> None:
        if not form or roles == 0:
            return
        old = out.get(form)
        out[form] = (roles | old[0], capital and old[1]) if old else (roles, capital)

    lines = dic.read_text(encoding="utf-8", errors="replace").splitlines()
    for line in lines[1:]:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, flags = line.partition("/")
        flags = flags.split()[0] if flags else ""
        if aff.forbidden and aff.forbidden in flags:
            continue
        capital = word[:1].isupper()
        stem_roles = _roles(flags, aff)
        if not (aff.need_affix and aff.need_affix in flags):
            add(word, stem_roles, capital)
        for flag in flags:
            aset = aff.affixes.get(flag)
            if aset is None or aset.kind != "SFX":
                continue
            for rule in aset.rules:
                if rule.cond is not None and not rule.cond.search(word):
                    continue
                if rule.strip and not word.endswith(rule.strip):
                    continue
                form = word[: len(word) - len(rule.strip)] + rule.add
                if rule.flags:
                    roles = _roles(rule.flags, aff)
                else:
                    # an inflected form stands alone; it may end a compound when its stem may
                    roles = STANDALONE | (stem_roles & END)
                add(form, roles, capital)
    return out
