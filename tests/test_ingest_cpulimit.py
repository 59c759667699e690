"""pdfplumber gets a CPU limit per page (a malformed PDF can make pdfminer loop for ever): past
it, PDFium's text is used for the page and the rest of the file. The limit counts our own CPU
only (not a wait for Tesseract), cannot be swallowed by library code, and holds in any thread
(a Dask worker runs its tasks outside the main thread)."""
from __future__ import annotations

import gc
import signal
import threading
import time

import pytest

from benchmarks.render import write_text_pdf
import ingest.cpulimit
import ingest.pdf
from ingest.cpulimit import CpuLimitExceeded, cpu_limit
from ingest.pdf import read_pdf_pages

TEXT = ("§ 12 Budget 2024 för socialnämnden\nNämnden beslutar att godkänna förvaltningens "
        "förslag till budget och verksamhetsplan.\n") * 20


def _spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def test_busy_block_is_stopped():
    with pytest.raises(CpuLimitExceeded):
        with cpu_limit(0.05):
            _spin(2.0)


def test_waiting_does_not_count():
    with cpu_limit(0.05):
        time.sleep(0.2)          # a wait (as for Tesseract) uses no CPU of ours


def _in_thread(fn):
    """Run fn in a thread (as a Dask worker runs its tasks); what it raised, or None."""
    raised = []

    def run():
        try:
            fn()
        except BaseException as e:      # noqa: B036 - CpuLimitExceeded is a BaseException
            raised.append(e)

    t = threading.Thread(target=run)
    t.start()
    t.join(30)
    assert not t.is_alive()
    return raised[0] if raised else None


def test_busy_block_is_stopped_outside_the_main_thread():
    def work():
        with cpu_limit(0.05):
            while True:                # swallowing Exception does not help here either
                try:
                    _spin(0.01)
                except Exception:
                    pass
    assert isinstance(_in_thread(work), CpuLimitExceeded)


def test_outside_the_main_thread_waiting_and_other_threads_do_not_count():
    def work():
        busy = threading.Thread(target=_spin, args=(0.5,))   # another thread's CPU
        busy.start()
        with cpu_limit(0.1):
            time.sleep(0.3)
            busy.join()
            _spin(0.02)
    assert _in_thread(work) is None


def test_nothing_raised_after_a_thread_block_that_finishes():
    def work():
        with cpu_limit(0.05):
            _spin(0.01)
        _spin(0.3)                     # past the limit, outside the block: nothing happens
    assert _in_thread(work) is None


def test_library_code_cannot_swallow_it():
    with pytest.raises(CpuLimitExceeded):
        with cpu_limit(0.05):
            while True:                # pdfminer's loops catch Exception and go on
                try:
                    _spin(0.01)
                except Exception:
                    pass


def test_looping_pdfplumber_falls_back_to_pdfium_text(tmp_path, monkeypatch, caplog):
    pdf = write_text_pdf(TEXT * 3, tmp_path / "lang.pdf").read_bytes()
    # a limit the real pdfplumber cannot meet on these pages stands in for a looping pdfminer
    monkeypatch.setattr(ingest.pdf, "PLUMBER_CPU_LIMIT", 1e-6)
    pages = read_pdf_pages(pdf, "lang.pdf", 1, 2, ocr_timeout=60, langs="swe+eng")
    assert [p.source for p in pages] == ["text", "text"]
    assert all("förvaltningens" in p.text for p in pages)
    assert "CPU" in caplog.text and "lang.pdf" in caplog.text


def test_same_pages_within_the_limit_are_read_by_pdfplumber(tmp_path, caplog):
    pdf = write_text_pdf(TEXT * 3, tmp_path / "lang.pdf").read_bytes()
    pages = read_pdf_pages(pdf, "lang.pdf", 1, 2, ocr_timeout=60, langs="swe+eng")
    assert all("förvaltningens" in p.text for p in pages)
    assert "CPU" not in caplog.text


def test_the_limit_waits_until_a_finaliser_has_run():
    """Python drops an exception raised inside a __del__ or a gc callback (a CI run lost the
    limit in hypothesis's gc callback): the limit is raised once that code has returned."""
    class Slow:
        def __del__(self):
            _spin(0.2)           # the limit runs out in here, where Python would drop it

    with pytest.raises(CpuLimitExceeded):
        with cpu_limit(0.05):
            Slow()               # dropped at once: __del__ runs
            _spin(2.0)
    assert signal.getitimer(signal.ITIMER_VIRTUAL)[0] == 0


def test_the_limit_waits_for_a_gc_callback():
    def slow_callback(phase, info):
        if phase == "start":
            _spin(0.2)

    gc.callbacks.append(slow_callback)
    try:
        with pytest.raises(CpuLimitExceeded):
            with cpu_limit(0.05):
                gc.collect()
                _spin(2.0)
    finally:
        gc.callbacks.remove(slow_callback)


def test_nothing_raised_after_an_expired_block():
    with pytest.raises(CpuLimitExceeded):
        with cpu_limit(0.02):
            _spin(2.0)
    _spin(0.3)                   # the limit is gone: nothing is raised here
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)


def test_nothing_raised_after_an_expired_block_in_a_thread():
    def work():
        with pytest.raises(CpuLimitExceeded):
            with cpu_limit(0.02):
                _spin(2.0)
        _spin(0.3)
    assert _in_thread(work) is None
    assert not [t for t in threading.enumerate() if t.name == "cpu-limit"]


def test_timer_stopped_after_a_block_that_finishes():
    with cpu_limit(0.5):
        _spin(0.01)
    assert signal.getitimer(signal.ITIMER_VIRTUAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGVTALRM) in (signal.SIG_DFL, None)


def test_looping_pdfplumber_in_a_task_thread_falls_back_to_pdfium_text(tmp_path, monkeypatch,
                                                                       caplog):
    pdf = write_text_pdf(TEXT * 3, tmp_path / "lang.pdf").read_bytes()
    monkeypatch.setattr(ingest.pdf, "PLUMBER_CPU_LIMIT", 1e-6)
    monkeypatch.setattr(ingest.cpulimit, "WATCH_SECONDS", 0.002)   # long before a page is read
    pages = []

    def work():
        pages.extend(read_pdf_pages(pdf, "lang.pdf", 1, 2, ocr_timeout=60, langs="swe+eng"))
    assert _in_thread(work) is None
    assert [p.source for p in pages] == ["text", "text"]
    assert all("förvaltningens" in p.text for p in pages)
    assert "CPU" in caplog.text and "lang.pdf" in caplog.text
