"""warm_up loads what the per-document work loads lazily, so that Dask workers never pay it
inside their first document (a 0.6 s spaCy import in the first vote was the serial tail of a
cluster import). The local pool leaves spaCy to its workers (see `warm_up`)."""
import subprocess
import sys

PROBE = """
import sys
from arkiv.work import warm_up, process_document
from corpus.models import Page
warm_up()
before = set(sys.modules)
process_document([Page(1, "ocr", "§ 4 Budget\\nVotering begärs. Omröstningen utfaller med 7 ja-röster "
                                 "mot 4 nej-röster, 2 ledamöter avstår.\\nNamnden beslutar att "
                                 "godkanna forvaltningens forslag.")], "1" * 64, "probe.pdf", 0)
new = sorted(m for m in set(sys.modules) - before if not m.startswith("encodings"))
print(",".join(new))
"""


def test_first_document_after_warm_up_imports_nothing():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_warm_up_loads_the_vote_counter():
    code = ("from arkiv.work import warm_up\nfrom extract import nlp\nwarm_up()\n"
            "print(nlp.pipeline.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_the_local_pool_leaves_spacy_to_its_workers():
    code = ("from arkiv.work import warm_up\nfrom extract import nlp\nwarm_up(vote_counter=False)\n"
            "print(nlp.pipeline.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
