"""The web UI and JSON API (read-only): `create_app(home)` is what `arkiv serve` runs.

Server-rendered HTML in Swedish that works without JavaScript; the JSON API speaks the search
contract's shapes. Every error of the API has one JSON shape,
`{"error": {"status", "code", "message"}}`; HTML pages show the same message in a page.
Every GET route answers HEAD with the same status and headers and no body (search.web.head).
"""
from __future__ import annotations

import dataclasses
import logging
import re
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (FileResponse, HTMLResponse, JSONResponse, RedirectResponse,
                               Response)
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.errors import ArkivError, NotFoundError, UsageError
from corpus.jsonshape import extract_json
from search.web import exports, pages
from search.web.data import WebData, original_available, original_file
from search.web.head import HeadAsGet
from search.web.labels import FACETS, FILTERS, SORTS, label
from search.web.markup import (KIND_SERIES, VOTE_SERIES, continuous_years, hit_href,
                               snippet_html, tagged_to_markers, year_chart_svg)
from search.web.params import (MAX_EXPORT_ROWS, MAX_PAGE, MAX_QUERY_CHARS, BadRequest,
                               SearchRequest, parse)
from search.web.security import SecurityHeaders

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
FEED_ENTRIES = 50
# Path parameters (ids, names, diary numbers) longer than this are refused before any lookup.
MAX_PATH_PARAM = 300


class WebError(Exception):
    """An error answered with `status`, a machine `code` and a Swedish `message`."""

    def __init__(self, status: int, code: str, message: str, detail: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.detail = status, code, message, detail


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path.startswith("/api/") or path.endswith(".json") or \
        request.query_params.get("format") == "json"


def create_app(home: Path) -> FastAPI:
    data = WebData(Path(home))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        data.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Protokollarkivet",
        description="Sök i kommunala protokoll, tjänsteutlåtanden och beslut. Endast läsning. "
                    "Fel har alltid formen {\"error\": {\"status\", \"code\", \"message\"}}.",
        version="1",
        docs_url=None, redoc_url=None, openapi_url="/openapi.json",
    )
    app.state.data = data
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(label=label, FACETS=FACETS, max_query=MAX_QUERY_CHARS, sorts=SORTS)
    env.filters["when"] = _when
    env.filters["party_tally"] = pages.party_tally
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)          # outermost: HEAD sees the headers GET gets

    def page(request: Request, name: str, context: dict[str, Any], status: int = 200):
        context.setdefault("request_q", "")
        return templates.TemplateResponse(request, name, context, status_code=status)

    # -- errors --------------------------------------------------------------------------

    def error_response(request: Request, err: WebError) -> Response:
        if _is_api(request):
            body = {"error": {"status": err.status, "code": err.code, "message": err.message}}
            if err.detail:
                body["error"]["detail"] = err.detail
            return JSONResponse(body, status_code=err.status)
        heading = {400: "Felaktig fråga", 404: "Hittades inte"}.get(err.status, "Något gick fel")
        # The query stays in the search box so that it can be corrected.
        q = request.query_params.get("q", "")[:MAX_QUERY_CHARS]
        return page(request, "error.html", {"heading": heading, "message": err.message,
                                            "detail": err.detail, "request_q": q},
                    status=err.status)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        return error_response(request, exc)

    @app.exception_handler(BadRequest)
    async def _bad_request(request: Request, exc: BadRequest):
        return error_response(request, WebError(400, "bad_request", str(exc)))

    @app.exception_handler(UsageError)
    async def _usage(request: Request, exc: UsageError):
        # The search layer's one-line message says what is wrong and where; our sentence
        # before it says it in Swedish.
        # the known reasons are said in Swedish (search.web.pages); the English one stays as
        # the detail
        return error_response(request, WebError(
            400, "bad_query", "Sökfrågan kunde inte tolkas. " + (
                pages.swedish_query_error(str(exc)) or "Kontrollera citattecken, parenteser, "
                "AND/OR/NOT (OCH/ELLER/INTE) och *."), detail=str(exc)))

    @app.exception_handler(NotFoundError)
    async def _not_found(request: Request, exc: NotFoundError):
        return error_response(request, WebError(404, "not_found", "Det finns inget sådant i "
                                                "arkivet.", detail=str(exc)))

    @app.exception_handler(ArkivError)
    async def _arkiv(request: Request, exc: ArkivError):
        status = 503 if exc.exit_code == 4 else 500
        return error_response(request, WebError(status, "archive_unavailable",
                                                "Arkivet kan inte svara just nu; försök igen.",
                                                detail=str(exc)))

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception):
        # A bug, not the user's doing: logged with its traceback, answered in the same shape.
        log.exception("error answering %s", request.url.path)
        return error_response(request, WebError(500, "internal_error", "Ett oväntat fel "
                                                "uppstod i arkivet; försök igen."))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        return error_response(request, WebError(400, "bad_request", "Felaktiga parametrar.",
                                                detail="; ".join(str(e.get("msg"))
                                                                 for e in exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        codes = {404: ("not_found", "Sidan finns inte."),
                 405: ("method_not_allowed", "Arkivet går bara att läsa, inte ändra.")}
        code, message = codes.get(exc.status_code, ("http_error", str(exc.detail)))
        resp = error_response(request, WebError(exc.status_code, code, message))
        if exc.headers:
            resp.headers.update(exc.headers)
        allow = resp.headers.get("allow")
        if allow and "GET" in allow and "HEAD" not in allow:
            resp.headers["allow"] = f"{allow}, HEAD"           # search.web.head
        return resp

    def checked(value: str, what: str) -> str:
        if len(value) > MAX_PATH_PARAM or "\x00" in value:
            raise WebError(400, "bad_request", f"{what} är för långt eller innehåller otillåtna "
                                               "tecken.")
        return value

    # -- the search parameters, described for OpenAPI and parsed by params.parse ----------

    def search_request(request: Request,
                       q: str = Query("", description="Sökfråga: ord, \"fraser\", AND/OR/NOT "
                                      "(OCH/ELLER/INTE), -ord, ord*, fält som party:V, "
                                      "dnr:\"KS 2014/0159\"."),
                       party: list[str] = Query([], description="Parti (flera: eller)."),
                       body: list[str] = Query([], description="Organ, t.ex. Socialnämnden."),
                       municipality: list[str] = Query([], description="Kommun."),
                       year: str | None = Query(None, description="ÅÅÅÅ eller ÅÅÅÅ-ÅÅÅÅ."),
                       doc_type: list[str] = Query([], description="protokoll, "
                                                   "protokollsutdrag, tjansteutlatande, …"),
                       kind: list[str] = Query([], description="item, decision, proposal, "
                                               "vote, statement."),
                       statement_kind: list[str] = Query([], description="reservation, "
                                                         "sarskilt_uttalande, …"),
                       outcome: list[str] = Query([], description="bifall, avslag, …"),
                       dnr: str | None = Query(None, description="Diarienummer."),
                       person: str | None = Query(None, description="Namn på en person, i "
                                                  "valfri ordning, å/ä/ö valfria. Ett namn "
                                                  "som passar flera personer ger inga "
                                                  "träffar; svarets persons listar dem."),
                       sort: str = Query("relevance", description="relevance eller date."),
                       page: str = Query("1", description="Sida, från 1."),
                       verbatim: str | None = Query(None, description="1: sök frågan som "
                                                    "den skrevs. Annars söks förslaget "
                                                    "(did_you_mean) när frågan inte ger "
                                                    "några träffar, och corrected_query "
                                                    "säger det."),
                       limit: str | None = Query(None, description="Träffar per sida (högst "
                                                 "100).")) -> list[tuple[str, str]]:
        """Declares the parameters for OpenAPI; each route parses them with its own limits
        (repeated names, such as party=S&party=V, are kept)."""
        return list(request.query_params.multi_items())

    def run_search(req: SearchRequest, *, suggest: bool = True) -> dict[str, Any]:
        result = data.search(req, suggest=suggest)
        for h in result["hits"]:
            h["href"] = hit_href(h)
        return result

    def hits_for_html(result: dict[str, Any]) -> list[dict[str, Any]]:
        return [{**h, "snippet_html": snippet_html(tagged_to_markers(h.get("snippet") or ""))}
                for h in result["hits"]]

    def export_request(params: list[tuple[str, str]]) -> SearchRequest:
        return parse(params, max_limit=MAX_EXPORT_ROWS, default_limit=MAX_EXPORT_ROWS)

    def base_url(request: Request) -> str:
        return str(request.base_url).rstrip("/")

    # -- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request):
        with data.store() as store:
            stats = store.stats()
        latest = run_search(SearchRequest(filters={"kind": ("item",)}, sort="date", limit=8),
                            suggest=False)["hits"] if stats["documents"] else []
        return page(request, "index.html", {"stats": stats, "latest": latest,
                                            "index_reset": data.index_reset_reason()})

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, format: str | None = None):
        if format in ("csv", "json", "atom"):
            target = {"csv": "/search.csv", "json": "/search.json", "atom": "/feed"}[format]
            rest = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
            return RedirectResponse(target + "?" + urlencode(rest), status_code=303)
        req = parse(list(request.query_params.multi_items()))
        if req.is_empty:
            return RedirectResponse("/", status_code=303)
        result = run_search(req)
        corrected = result.get("corrected_query")
        typed = req
        if corrected:
            # The hits are the corrected query's: the box, the heading and every link
            # (facets, pages, exports) go on with it; the query as typed is one link away.
            req = dataclasses.replace(req, q=corrected)
        return page(request, "search.html", {
            "req": req, "result": result, "hits": hits_for_html(result),
            "facets": pages.facet_views(req, result["facets"]),
            "filter_chips": pages.filter_chips(req), "year_span": pages.year_span(req),
            "suggestion": result.get("did_you_mean"),
            "corrected": corrected, "typed_q": typed.q,
            "verbatim_href": typed.query_string(verbatim=True),
            "person_notices": pages.person_notices(req, result.get("persons") or []),
            "pages": pages.pager(result["total"], req.page, req.limit, MAX_PAGE),
        })

    @app.get("/search.csv", include_in_schema=True, summary="Träfflistan som CSV",
             response_class=Response, tags=["export"])
    def search_csv(request: Request, params: list = Depends(search_request)):
        req = export_request(params)
        result = run_search(req, suggest=False)
        return Response(exports.to_csv(result["hits"], base_url(request)),
                        media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="sokresultat.csv"'})

    @app.get("/search.json", summary="Träfflistan som JSON (samma form som /api/search)",
             tags=["export"])
    def search_json(params: list = Depends(search_request)):
        req = export_request(params)
        return JSONResponse(run_search(req, suggest=False), headers={
            "Content-Disposition": 'attachment; filename="sokresultat.json"'})

    @app.get("/feed", summary="Atom-flöde för en sökning, nyast först", tags=["export"],
             response_class=Response)
    def feed(request: Request, params: list = Depends(search_request)):
        # A feed is the query and its filters; its order (newest first) and size are fixed.
        topic = parse([(k, v) for k, v in params if k not in ("sort", "page", "limit")])
        req = SearchRequest(q=topic.q, filters=topic.filters, sort="date", limit=FEED_ENTRIES)
        result = run_search(req, suggest=False)
        words = [req.q] + [f"{FILTERS[k]}: {', '.join(v)}" for k, v in req.filters.items()]
        title = "Protokollarkivet – " + ("; ".join(w for w in words if w) or "alla poster")
        root = base_url(request)
        feed_url = f"{root}/feed?{topic.query_string()}"
        xml = exports.to_atom(result["hits"], title=title, self_url=feed_url,
                              html_url=f"{root}/search?{topic.query_string(sort='date')}",
                              base_url=root, feed_id=feed_url)
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    @app.get("/documents/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, ident: str, view: str = "text"):
        if view not in ("text", "raw"):
            raise WebError(400, "bad_request", "Vyn kan vara text (rättad) eller raw (rå text).")
        doc = data.document(checked(ident, "Id:t"))
        context = pages.document_context(doc, view == "raw", original_available(doc))
        copies = data.copies(doc.doc_id)
        return page(request, "document.html", {
            **context, "copies": data.linked(copies),
            "same_as": data.linked([doc.same_as])[0] if doc.same_as else None})

    @app.get("/documents/{ident}/original", include_in_schema=False)
    def document_original(ident: str):
        doc = data.document(checked(ident, "Id:t"))
        path = original_file(doc)
        if path is None:
            raise WebError(404, "original_missing", "Originalfilen finns inte längre kvar där "
                           "den importerades från, eller har ändrats sedan importen.")
        return FileResponse(path, filename=path.name, content_disposition_type="attachment")

    @app.get("/items/{hit_id}", include_in_schema=False)
    def item_permalink(hit_id: str):
        doc, entry = data.hit(checked(hit_id, "Id:t"))
        return RedirectResponse(hit_href({"id": entry.id, "doc_id": doc.doc_id}),
                                status_code=303)

    @app.get("/cases/{dnr:path}", response_class=HTMLResponse, include_in_schema=False)
    def case_page(request: Request, dnr: str):
        view = data.case(checked(dnr, "Diarienumret"))
        return page(request, "case.html", {"case": _with_hrefs(view), "request_q": ""})

    @app.get("/parties/{name}", response_class=HTMLResponse, include_in_schema=False)
    def party_page(request: Request, name: str):
        view = _with_hrefs(data.party(checked(name, "Partiet")))
        if not any(view["totals"].values()):
            # as an unknown person or document: nothing in the archive names the party
            raise WebError(404, "not_found", f"Partiet ”{name}” finns inte i arkivet: inga "
                           "uttalanden, yrkanden eller voteringar nämner det.")
        # every year from the first to the last, in the charts and the tables beside them
        view["by_year"] = continuous_years(view["by_year"])
        chart = year_chart_svg(view["by_year"], f"{view['party']}: poster per år",
                               KIND_SERIES, chart_id="chart-records")
        vote_years = continuous_years(_party_votes_per_year(view["votes"]))
        vote_chart = year_chart_svg(vote_years, f"{_genitive(view['party'])} röster per år",
                                    VOTE_SERIES, chart_id="chart-votes")
        return page(request, "party.html", {"view": view, "chart": chart,
                                            "vote_chart": vote_chart,
                                            "vote_years": vote_years,
                                            "kind_series": KIND_SERIES,
                                            "vote_series": VOTE_SERIES})

    @app.get("/persons/{name}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(request: Request, name: str):
        view = _with_hrefs(data.person(checked(name, "Namnet")))
        main_party, other_parties = pages.person_parties(view)
        return page(request, "person.html", {"view": view, "main_party": main_party,
                                             "other_parties": other_parties})

    @app.get("/similar/{hit_id}", response_class=HTMLResponse, include_in_schema=False)
    def similar_page(request: Request, hit_id: str):
        doc, entry = data.hit(checked(hit_id, "Id:t"))
        result = data.similar(hit_id)
        for h in result["hits"]:
            h["href"] = hit_href(h)
        return page(request, "similar.html", {
            "entry": entry, "source_href": hit_href({"id": entry.id, "doc_id": doc.doc_id}),
            "result": result, "hits": hits_for_html(result)})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        return page(request, "docs.html", {"api": app.openapi()})

    # -- JSON API --------------------------------------------------------------------------

    @app.get("/api/search", summary="Sök (samma parametrar och form som `arkiv search --json`)",
             tags=["api"])
    def api_search(params: list = Depends(search_request)) -> JSONResponse:
        return JSONResponse(run_search(parse(params)))

    @app.get("/api/documents/{ident}", summary="Ett dokument (som `arkiv show ID --json`)",
             tags=["api"])
    def api_document(ident: str, text: bool = Query(True, description="Med rättad och rå "
                                                    "text och rättelselogg.")) -> JSONResponse:
        doc = data.document(checked(ident, "Id:t"))
        out = extract_json(doc)
        out.update(doc_id=doc.doc_id, imported_at=doc.imported_at,
                   pipeline_version=doc.pipeline_version, superseded_by=doc.superseded_by,
                   same_as=doc.same_as, copies=data.copies(doc.doc_id),
                   url=f"/documents/{doc.doc_id}")
        if text:
            out.update(text=doc.text, raw_text=doc.raw_text,
                       changes=[c.__dict__ for c in pages.all_changes(doc)])
        return JSONResponse(out)

    @app.get("/api/items/{hit_id}", summary="En post (ärende, beslut, yrkande, votering, "
             "uttalande) med sin permanenta länk", tags=["api"])
    def api_item(hit_id: str) -> JSONResponse:
        doc, entry = data.hit(checked(hit_id, "Id:t"))
        return JSONResponse({**dataclasses.asdict(entry),
                             "href": hit_href({"id": entry.id, "doc_id": doc.doc_id})})

    @app.get("/api/cases/{dnr:path}", summary="Ett diarienummers tidslinje", tags=["api"])
    def api_case(dnr: str) -> JSONResponse:
        return JSONResponse(_with_hrefs(data.case(checked(dnr, "Diarienumret"))))

    @app.get("/api/parties/{name}", summary="Ett partis uttalanden, yrkanden och voteringar",
             tags=["api"])
    def api_party(name: str) -> JSONResponse:
        return JSONResponse(_with_hrefs(data.party(checked(name, "Partiet"))))

    @app.get("/api/persons/{name}", summary="En persons uttalanden, yrkanden och röster",
             tags=["api"])
    def api_person(name: str) -> JSONResponse:
        return JSONResponse(_with_hrefs(data.person(checked(name, "Namnet"))))

    @app.get("/api/similar/{hit_id}", summary="Liknande poster", tags=["api"])
    def api_similar(hit_id: str) -> JSONResponse:
        result = data.similar(checked(hit_id, "Id:t"))
        for h in result["hits"]:
            h["href"] = hit_href(h)
        return JSONResponse(result)

    return app




def _with_hrefs(view: dict[str, Any]) -> dict[str, Any]:
    """Add the permalink `href` to every record of a view (records carry a hit id; the
    document id may sit on an enclosing dict, as in the case timeline)."""
    def walk(x: Any, doc_id: str | None) -> None:
        if isinstance(x, dict):
            doc_id = x.get("doc_id") or doc_id
            if isinstance(x.get("id"), str) and doc_id and "href" not in x:
                x["href"] = hit_href({"id": x["id"], "doc_id": doc_id})
            for v in x.values():
                walk(v, doc_id)
        elif isinstance(x, list):
            for v in x:
                walk(v, doc_id)
    walk(view, None)
    return view


def _when(iso: str) -> str:
    """An ISO timestamp as people read it: "2026-11-30 19:05 UTC"."""
    m = re.match(r"^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})", iso or "")
    if not m:
        return iso
    return f"{m.group(1)} {m.group(2)}" + (" UTC" if iso.endswith(("+00:00", "Z")) else "")


def _genitive(name: str) -> str:
    """Swedish genitive: an abbreviation takes colon-s (V:s, MP:s), a word an s (Vänsterpartiets),
    and a word ending in s, x or z none."""
    if name.isupper() or not name[-1:].isalpha():
        return f"{name}:s"
    return name if name[-1:].lower() in "sxz" else f"{name}s"


def _party_votes_per_year(votes: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for v in votes:
        year = (v.get("date") or "")[:4] or "okänt"
        tally = out.setdefault(year, {"ja": 0, "nej": 0, "avstår": 0})
        for k, n in (v.get("party_votes") or {}).items():
            tally[k] = tally.get(k, 0) + n
    return out


def app_from_environment() -> FastAPI:
    """The app for several uvicorn worker processes, which need an import string rather than
    an app object: `uvicorn --factory search.web.app:app_from_environment --workers 2`, with
    the archive folder in $ARKIV_HOME (default ./arkiv-data, as the CLI)."""
    import os
    return create_app(Path(os.environ.get("ARKIV_HOME") or "arkiv-data").expanduser())
