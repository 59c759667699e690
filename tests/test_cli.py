"""The foundation's contract, end to end through the real command: real Tesseract, pdfplumber,
SQLite and whoosh on small generated files."""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest

from benchmarks.render import write_scanned_pdf, write_text_pdf
from tests.conftest import SAMPLES

TXT = """Protokoll Kommunstyrelsen
§ 1 Snöröjning i centrum
Dnr KS 2021/0042
Kommunstyrelsens beslut
1. Kommunstyrelsen godkänner planen för blåbärsskogen.
"""
PDF = """Protokoll Tekniska nämnden
§ 7 Vattentornet i Åkersberga
Dnr TN 2020/0017
Beslut
Tekniska nämnden godkänner renoveringen av vattentornet.
"""
SCAN = """Protokoll Kulturnämnden
§ 3 Bibliotekets öppettider
Dnr KN 2019/0099
Beslut
Kulturnämnden beslutar att förlänga öppettiderna på biblioteket.
"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("inkorg")
    (d / "ks.txt").write_text(TXT, encoding="utf-8")
    write_text_pdf(PDF, d / "tn.pdf")
    write_scanned_pdf(SCAN, d / "kn-skannad.pdf", profile="clean")
    return d


def doc_ids_for(arkiv, word: str) -> set[str]:
    return {h["doc_id"] for h in arkiv.json("search", word)["hits"]}


def test_import_text_pdf_and_scan_then_search_and_reimport(arkiv, folder):
    r = arkiv.json("import", str(folder))
    assert sorted(r["imported"]) == sorted(str(p) for p in folder.iterdir())
    assert r["failed"] == [] and r["unchanged"] == []
    found = [doc_ids_for(arkiv, w) for w in ("blåbärsskogen", "vattentornet", "biblioteket")]
    assert all(len(ids) == 1 for ids in found)
    assert len(set.union(*found)) == 3
    again = arkiv.json("import", str(folder))
    assert again["imported"] == [] and sorted(again["unchanged"]) == sorted(r["imported"])
    sources = {p["source"] for d in found for p in arkiv.json("show", next(iter(d)))["pages"]}
    assert sources == {"text", "ocr"}


def test_show_stats_reindex_remove(arkiv, folder):
    arkiv.run("import", str(folder / "ks.txt"), check=True)
    doc_id = next(iter(doc_ids_for(arkiv, "blåbärsskogen")))
    shown = arkiv.json("show", doc_id[:10])
    assert shown["doc_id"] == doc_id and shown["items"][0]["paragraph"] == "1"
    assert "KS 2021/0042" in shown["dnr"]
    assert arkiv.json("stats")["documents"] == 1
    shutil.rmtree(arkiv.home / "index")
    arkiv.run("reindex", check=True)
    assert doc_ids_for(arkiv, "blåbärsskogen") == {doc_id}
    arkiv.run("remove", doc_id[:12], check=True)
    assert doc_ids_for(arkiv, "blåbärsskogen") == set()
    assert arkiv.run("show", doc_id[:12]).returncode == 3


def test_bad_file_is_one_line_and_the_rest_is_imported(arkiv, folder, tmp_path):
    bad = tmp_path / "trasig.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj <<")
    r = arkiv.run("import", str(bad), str(folder / "ks.txt"), "--json")
    assert r.returncode == 1
    out = json.loads(r.stdout)
    assert [f["path"] for f in out["failed"]] == [str(bad)]
    assert out["imported"] == [str(folder / "ks.txt")]
    assert "Traceback" not in r.stderr
    r = arkiv.run("import", str(bad))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert any(str(bad) in line for line in r.stderr.splitlines())


def test_a_missing_path_is_named(arkiv, folder, tmp_path):
    missing = tmp_path / "protokoll-2024-05.pdf"
    r = arkiv.run("import", str(missing), str(folder / "ks.txt"))
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert any(str(missing) in line and "no such file" in line for line in r.stderr.splitlines())


def test_usage_errors_exit_2(arkiv):
    assert arkiv.run("import").returncode == 2
    assert arkiv.run("search", "--limit", "x").returncode == 2


def test_malformed_query_is_one_line(arkiv, folder):
    arkiv.run("import", str(folder / "ks.txt"), check=True)
    r = arkiv.run("search", 'dnr:"KS 2021')
    assert r.returncode == 2 and "Traceback" not in r.stderr and r.stderr.strip()


def test_changed_file_supersedes_the_old_version(arkiv, tmp_path):
    f = tmp_path / "protokoll.txt"
    f.write_text(TXT, encoding="utf-8")
    arkiv.run("import", str(f), check=True)
    f.write_text(TXT.replace("blåbärsskogen", "lingonskogen"), encoding="utf-8")
    assert arkiv.json("import", str(f))["imported"] == [str(f)]
    assert doc_ids_for(arkiv, "blåbärsskogen") == set()
    assert len(doc_ids_for(arkiv, "lingonskogen")) == 1
    assert arkiv.json("stats")["superseded"] == 1


def test_same_text_in_two_formats_is_one_document(arkiv, tmp_path):
    (tmp_path / "a.txt").write_text(PDF, encoding="utf-8")
    write_text_pdf(PDF, tmp_path / "a.pdf")
    arkiv.run("import", str(tmp_path), check=True)
    assert len(doc_ids_for(arkiv, "vattentornet")) == 1
    assert arkiv.json("stats")["duplicates"] == 1
    # removing the one shown makes its twin searchable instead
    arkiv.run("remove", next(iter(doc_ids_for(arkiv, "vattentornet"))), check=True)
    assert len(doc_ids_for(arkiv, "vattentornet")) == 1
    assert arkiv.json("stats")["duplicates"] == 0


def test_crash_between_store_and_index_is_repaired_by_the_next_command(arkiv, folder):
    arkiv.run("import", str(folder / "ks.txt"), check=True)
    doc_id = next(iter(doc_ids_for(arkiv, "blåbärsskogen")))
    shutil.rmtree(arkiv.home / "index")       # the index lost what the store has
    db = sqlite3.connect(arkiv.home / "arkiv.db")
    db.execute("UPDATE documents SET indexed = 0")
    db.commit()
    db.close()
    assert doc_ids_for(arkiv, "blåbärsskogen") == {doc_id}


def test_extract_and_repair_store_nothing(arkiv, tmp_path):
    out = arkiv.json("extract", str(SAMPLES / "stockholm-socialnamnden-2012-03-p13.txt"))
    assert out["sha256"] and out["items"][0]["paragraph"] == "13"
    r = arkiv.run("repair", str(SAMPLES / "stockholm-socialnamnden-2019-12-vagledning-ocr.txt"),
                  "--diff", check=True)
    assert "→" in r.stdout
    assert not (arkiv.home / "arkiv.db").exists()


def test_second_writer_gets_exit_4(arkiv, folder):
    from arkiv.lock import WriterLock
    arkiv.home.mkdir(parents=True)
    with WriterLock(arkiv.home / "writer.lock"):
        r = arkiv.run("import", str(folder / "ks.txt"))
    assert r.returncode == 4 and "another arkiv process" in r.stderr


def test_every_command_has_help_with_an_example(arkiv):
    from arkiv.cli import cli
    for name, cmd in cli.commands.items():
        assert "Example" in (cmd.help or ""), f"arkiv {name} --help has no example"


def test_store_keeps_absolute_paths_and_report_the_given_ones(arkiv, folder):
    import os
    rel = os.path.relpath(folder / "ks.txt", arkiv.home.parent.parent)
    r = arkiv.run("import", rel, "--json", cwd=arkiv.home.parent.parent)
    assert json.loads(r.stdout)["imported"] == [rel]
    doc_id = next(iter(doc_ids_for(arkiv, "blåbärsskogen")))
    assert arkiv.json("show", doc_id)["source"] == str(folder / "ks.txt")


def test_an_index_of_an_older_analysis_is_rebuilt_from_the_store(arkiv, folder):
    arkiv.run("import", str(folder / "ks.txt"), check=True)
    from index.core import STAMP_FILE
    stamp = arkiv.home / "index" / STAMP_FILE
    stamp.write_text(json.dumps({"analysis": "an older one"}))
    assert len(doc_ids_for(arkiv, "blåbärsskogen")) == 1


def test_clean_documents_teach_repair_the_archive_vocabulary(arkiv, tmp_path):
    # A name the Swedish lexicon does not know, written twice in a clean text file …
    clean = tmp_path / "ren.txt"
    body = ("Socialnämnden har behandlat ärendet om förebyggande arbete med barn och unga. "
            "Förvaltningen föreslår att nämnden godkänner rapporten och lägger den till "
            "handlingarna. ") * 4
    clean.write_text(f"Protokoll Socialnämnden\n§ 4 Ärende\n{body}\nLedamoten Nzisson yrkar "
                     f"bifall. Nzisson reserverar sig inte.\n", encoding="utf-8")
    arkiv.run("import", str(clean), check=True)
    db = sqlite3.connect(arkiv.home / "arkiv.db")
    words = {r[0] for r in db.execute("SELECT word FROM vocabulary")}
    db.close()
    assert "nzisson" in {w.lower() for w in words}
