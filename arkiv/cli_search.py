"""The search commands of `arkiv`: search, case, party, person, similar.

`register(group, get_context)` adds them to the main click group; `get_context()` returns an
object with `.store` (corpus.store.Store) and `.index` (index.Index). stdout carries data
(text, or the contract's JSON with --json); messages go to stderr.
"""
from __future__ import annotations

import sys
from typing import Any, Callable

import click

from arkiv.output import emit, errors_to_exit
from corpus.errors import UsageError

YEAR_HELP = "Year or range of years, e.g. 2012 or 2010-2014."


def _filter_options(f):
    """The facet filters every listing command shares (values repeat: --party V --party MP)."""
    opts = [
        click.option("--party", multiple=True, help="Party abbreviation (FP and L are one)."),
        click.option("--body", multiple=True, help="Body, e.g. Socialnämnden."),
        click.option("--municipality", multiple=True, help="Municipality."),
        click.option("--year", default=None, help=YEAR_HELP),
        click.option("--doc-type", "doc_type", multiple=True,
                     help="protokoll, protokollsutdrag, tjansteutlatande, kallelse, rapport, okand."),
        click.option("--kind", multiple=True,
                     help="item, decision, proposal, vote, statement (or a statement kind, "
                          "e.g. reservation)."),
        click.option("--statement-kind", "statement_kind", multiple=True,
                     help="reservation, sarskilt_yttrande, sarskilt_uttalande, "
                          "protokollsanteckning."),
        click.option("--outcome", multiple=True,
                     help="bifall, avslag, aterremiss, bordlagd, besvarad, noterad, annat."),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _filters(party, body, municipality, year, doc_type, kind, statement_kind, outcome,
             dnr=None, person=None):
    from search import Filters
    return Filters(party=list(party), body=list(body), municipality=list(municipality),
                   year=year, doc_type=list(doc_type), kind=list(kind),
                   statement_kind=list(statement_kind), outcome=list(outcome), dnr=dnr,
                   person=person)


class _SearchCommand(click.Command):
    """`arkiv search -socialnämnden`: a query that starts with NOT's minus is the query,
    not an option. search has no one-dash options but -h, so a one-dash word of two or
    more letters is handed on as the QUERY (after `--`); the value of an option is left
    where it is."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            takes_value = {o for p in self.params if isinstance(p, click.Option)
                           and not p.is_flag for o in p.opts}
            kept: list[str] = []
            words: list[str] = []
            for a in args:
                if len(a) > 2 and a[0] == "-" and a[1] != "-" and not a[1].isdigit() and \
                        not (kept and kept[-1] in takes_value):
                    words.append(a)
                else:
                    kept.append(a)
            if words:
                args = kept + ["--", *words]
        return super().parse_args(ctx, args)


def register(group: click.Group, get_context: Callable[[], Any]) -> None:
    """Add the search commands to `group`."""

    @group.command("search", cls=_SearchCommand)
    @click.argument("query", required=False, default="")
    @_filter_options
    @click.option("--dnr", default=None, help='Diary number, e.g. "KS 2014/0159".')
    @click.option("--person", default=None, help="A person's name (å/ä/ö optional).")
    @click.option("--sort", type=click.Choice(["relevance", "date"]), default="relevance",
                  show_default=True, help="Order of the hits.")
    @click.option("--limit", type=int, default=10, show_default=True, help="Hits per page.")
    @click.option("--page", type=int, default=1, show_default=True, help="Page number.")
    @click.option("--verbatim", is_flag=True,
                  help="The query as typed: when it finds nothing, do not search the "
                       "did-you-mean suggestion in its place.")
    @click.option("--json", "as_json", is_flag=True, help="Print the contract's JSON.")
    @errors_to_exit
    def search_cmd(query, party, body, municipality, year, doc_type, kind, statement_kind,
                   outcome, dnr, person, sort, limit, page, verbatim, as_json):
        """Search the archive, with facet counts.

        QUERY has words, "phrases", AND/OR/NOT (OCH/ELLER/INTE), -word, word* and fields:
        party:V body:Socialnämnden dnr:"KS 2023/0412" person:"Jöran Ståhl"
        kind:reservation year:2012 date:[2012-01-01 TO 2012-12-31]. Without å/ä/ö it still
        finds them. A query that finds nothing is corrected when a spelling finds
        something (--verbatim: not).

        \b
        Example:
          arkiv search "insatsgrupper" --party V --year 2010-2014
          arkiv search forslag kind:reservation --json
        """
        from search import search
        from search.render import render_search
        ctx = get_context()
        result = search(ctx.index, query,
                        _filters(party, body, municipality, year, doc_type, kind,
                                 statement_kind, outcome, dnr, person),
                        sort=sort, limit=limit, page=page, correct=not verbatim)
        emit(result, as_json, lambda: render_search(result, bold=sys.stdout.isatty()))

    @group.command("case")
    @click.argument("dnr")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @errors_to_exit
    def case_cmd(dnr, as_json):
        """A diary number's timeline: every document and item carrying it, across bodies,
        in date order, with the decisions.

        \b
        Example:
          arkiv case "KS 2014/0159"
          arkiv case 3.2-0100/2012 --json
        """
        from search.render import render_case
        from search.views import case
        ctx = get_context()
        result = case(ctx.index, dnr, ctx.store)
        emit(result, as_json, lambda: render_case(result))

    @group.command("party")
    @click.argument("party_name", metavar="PARTY")
    @click.option("--year", default=None, help=YEAR_HELP)
    @click.option("--body", multiple=True, help="Only this body.")
    @click.option("--municipality", multiple=True, help="Only this municipality.")
    @click.option("--limit", type=int, default=50, show_default=True,
                  help="Records listed per kind.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @errors_to_exit
    def party_cmd(party_name, year, body, municipality, limit, as_json):
        """A party's statements, proposals and votes over time (FP and L are one party),
        with how its members voted.

        \b
        Example:
          arkiv party V --year 2012
          arkiv party L --json
        """
        from search.render import render_party
        from search.views import party
        ctx = get_context()
        flt = _filters((), body, municipality, year, (), (), (), ()).nodes()
        result = party(ctx.index, party_name, ctx.store, filters=flt, limit=limit)
        emit(result, as_json, lambda: render_party(result))

    @group.command("person")
    @click.argument("name")
    @click.option("--year", default=None, help=YEAR_HELP)
    @click.option("--limit", type=int, default=50, show_default=True,
                  help="Records listed per kind.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @errors_to_exit
    def person_cmd(name, year, limit, as_json):
        """A person's statements, proposals and ballots (å/ä/ö optional).

        \b
        Example:
          arkiv person "Jöran Ståhl"
          arkiv person "Joran Stahl" --json
        """
        from search.render import render_person
        from search.views import person
        ctx = get_context()
        flt = _filters((), (), (), year, (), (), (), ()).nodes()
        result = person(ctx.index, name, ctx.store, filters=flt, limit=limit)
        emit(result, as_json, lambda: render_person(result))

    @group.command("similar")
    @click.argument("hit_id")
    @_filter_options
    @click.option("--limit", type=int, default=10, show_default=True, help="Hits.")
    @click.option("--json", "as_json", is_flag=True, help="Print JSON.")
    @errors_to_exit
    def similar_cmd(hit_id, party, body, municipality, year, doc_type, kind, statement_kind,
                    outcome, limit, as_json):
        """Records like the given one ("more like this"); HIT_ID is a hit's id from
        `arkiv search`.

        \b
        Example:
          arkiv similar 6f1c0a2b9d3e:0:13:item:0 --limit 5
        """
        from search.render import render_similar
        from search.views import similar
        if limit < 1:
            raise UsageError("--limit must be 1 or more")
        ctx = get_context()
        flt = _filters(party, body, municipality, year, doc_type, kind, statement_kind,
                       outcome).nodes()
        result = similar(ctx.index, hit_id, limit=limit, filters=flt)
        emit(result, as_json, lambda: render_similar(result))
