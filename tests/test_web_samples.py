"""The web UI over sample minutes imported by the real pipeline (`arkiv import`): the API
answers what `arkiv search --json` answers, and each document page shows what its extraction
holds (every ballot in a table row, every statement with its parties)."""
from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from search.web.app import create_app

ROOT = Path(__file__).resolve().parent.parent
# Text samples only: the pipeline's OCR paths have their own tests, and these import in seconds.
SAMPLES = [ROOT / "corpus" / "samples" / "osteraker-ks-2014-04-insatsgrupper.txt",
           ROOT / "corpus" / "samples" / "stockholm-socialnamnden-2012-03-p13.txt"]


def arkiv(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "arkiv.cli", *args], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "ARKIV_HOME": str(home)},
                          timeout=600)


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("samplehome")
    r = arkiv(home, "import", *map(str, SAMPLES), "--json")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)["imported"]) == len(SAMPLES)
    return home


@pytest.fixture(scope="module")
def client(home):
    with TestClient(create_app(home)) as c:
        yield c


@pytest.mark.parametrize("query, flags, params", [
    ("insatsgrupper", [], "q=insatsgrupper"),
    ("insatsgrupper", ["--party", "V"], "q=insatsgrupper&party=V"),
    ("", ["--kind", "statement", "--party", "MP"], "kind=statement&party=MP"),
    ("forslag", ["--sort", "date"], "q=forslag&sort=date"),
])
def test_api_search_answers_like_the_cli(home, client, query, flags, params):
    r = arkiv(home, "search", query, *flags, "--limit", "10", "--json")
    assert r.returncode == 0, r.stderr
    cli = json.loads(r.stdout)
    api = client.get(f"/api/search?{params}&limit=10").json()
    assert api["total"] == cli["total"]
    assert api["facets"] == cli["facets"]
    assert [h["id"] for h in api["hits"]] == [h["id"] for h in cli["hits"]]
    for a, c in zip(api["hits"], cli["hits"]):
        assert {k: v for k, v in a.items() if k != "href"} == c


def test_document_pages_show_the_extraction(client, home):
    from corpus.store import Store
    store = Store(home / "arkiv.db")
    try:
        ids = sorted(store.doc_ids())
    finally:
        store.close()
    assert len(ids) == len(SAMPLES)
    ballots_seen = statements_seen = 0
    for doc_id in ids:
        doc = client.get(f"/api/documents/{doc_id}").json()
        page = client.get(f"/documents/{doc_id}")
        assert page.status_code == 200
        text = html.unescape(page.text)
        for item in doc["items"]:
            if item["paragraph"]:
                assert f"§ {item['paragraph']}" in text
            for vote in item["votes"]:
                ballots_seen += len(vote["ballots"])
                for b in vote["ballots"]:
                    assert b["name"] in text
            for s in item["statements"]:
                statements_seen += 1
                for party in s["parties"]:
                    assert re.search(rf'/parties/{re.escape(party)}"', page.text)
        rows = len(re.findall(r'<tr class="vote-', page.text))
        assert rows == sum(len(v["ballots"]) for i in doc["items"] for v in i["votes"])
    # the samples hold a voting list and särskilda uttalanden; the pages must have shown them
    assert ballots_seen > 0 and statements_seen > 0


def test_case_page_of_a_sample_diary_number(client):
    hits = client.get("/api/search?q=insatsgrupper&limit=100").json()["hits"]
    dnr = next(d for h in hits for d in h["dnr"])
    page = client.get(f"/cases/{dnr}")
    assert page.status_code == 200
    assert f"Diarienummer {html.escape(dnr)}" in page.text
