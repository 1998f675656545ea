"""The hostile-input suite: every input of ``hostile_inputs.HOSTILE`` in one batch with good plans. Each is
loaded or refused with a clear one-line reason, within its time budget; the server never dies; nothing is
half-written; the good plans are loaded."""

from __future__ import annotations

import pytest
from gen_plans import write_plans
from hostile_inputs import HOSTILE
from plangraph.graph import falkor_server
from plangraph.graph.falkor_store import FalkorStore

from plangraph import service

BUDGET_S = 20.0
MUST_LOAD = ["u16le.txt", "u16be.txt", "u16bom.txt", "cr.txt", "crlf.txt", "ff.txt", "gb.txt", "big5.txt", "soh.txt",
             "tab.txt", "crunit.txt", "longunit.txt", "longtitle.txt", "zw.txt", "bidi.txt", "emoji.txt", "c1.txt",
             *[f"inject{i}.txt" for i in range(6)], "injtitle.txt", "plan.md", "plan.html", "plan.docx"]
MUST_REFUSE = {"binary.txt": "binary", "nuls.txt": "binary", "empty.txt": "empty", "random.txt": "",
               "bomb.docx": "zip bomb", "members.docx": "members", "pipe.txt": "FIFO", "loop.txt": "symbolic link loop",
               "broken.txt": "broken symbolic link", "huge.txt": "MB limit", "plan.exe": "unsupported",
               "README": "unsupported", "notzip.docx": "docx", "encrypted.docx": "docx", "textless.pdf": "scanned PDF has no text layer",
               "fake.pdf": "PDF", "header.pdf": "PDF", "blank.txt": "", "bom.txt": "", "title.txt": "structure"}


@pytest.fixture(scope="module")
def batch(falkor_settings, tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    for write in HOSTILE.values():
        write(folder)
    good = write_plans(folder / "good", 2)
    store = FalkorStore(falkor_settings.model_copy(update={"graph_name": "plangraph_hostile"}).store_config())
    store.clear()
    pid = falkor_server.status(falkor_settings.data_dir).pid
    entries = sorted(p for p in folder.iterdir() if p.name != "good")
    report = service.ingest_files(store, [*entries, *good], timeout_s=BUDGET_S, workers=2)
    yield store, report, {r.path.name: r for r in report.results}, good, pid
    store.close()


def test_at_least_sixty_hostile_inputs() -> None:
    assert len(HOSTILE) >= 60


def test_server_alive_and_good_plans_loaded(batch, falkor_settings) -> None:
    store, report, by_name, good, pid = batch
    assert falkor_server.status(falkor_settings.data_dir).pid == pid
    assert all(by_name[g.name].ok for g in good)
    assert store.read("RETURN 1 AS x") == [{"x": 1}]


def test_every_entry_reported(batch) -> None:
    _, report, by_name, good, _ = batch
    assert len(report.results) == len(by_name) >= len(HOSTILE) + len(good) - 1  # one file may hold two kinds


@pytest.mark.parametrize("name", MUST_LOAD)
def test_hostile_but_valid_plans_load(batch, name: str) -> None:
    result = batch[2][name]
    assert result.ok, result.error


@pytest.mark.parametrize("name", sorted(MUST_REFUSE))
def test_bad_inputs_are_refused_with_a_true_reason(batch, name: str) -> None:
    result = batch[2][name]
    assert not result.ok and MUST_REFUSE[name].lower() in result.error.lower(), result.error


def test_failures_are_one_clear_line(batch) -> None:
    for name, result in batch[2].items():
        if not result.ok:
            assert result.error and "\n" not in result.error and len(result.error) <= 300, (name, result.error)
            assert "Traceback" not in result.error


def test_nothing_half_written(batch) -> None:
    store, report, by_name, _, _ = batch
    loaded = {r.load.doc_id: r.load for r in report.results if r.ok and r.load and r.load.status != "skipped"}
    docs = store.read("MATCH (d:Document) WHERE coalesce(d.stub, false) = false "
                      "OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task) RETURN d.doc_id AS d, count(t) AS n")
    assert {r["d"] for r in docs} == set(loaded)
    for row in docs:
        assert row["n"] == loaded[row["d"]].tasks, row


def test_injection_strings_stay_data(batch) -> None:
    store = batch[0]
    assert store.read("MATCH (a:Agency) RETURN count(a) AS n")[0]["n"] > 0
    names = [f"inject{i}.txt" for i in range(6)] + ["injtitle.txt"]
    rows = store.read("MATCH (d:Document) WHERE d.file IN $names RETURN count(d) AS n", {"names": names})
    assert rows[0]["n"] == len(names)  # every injection plan stored as data, none ran
