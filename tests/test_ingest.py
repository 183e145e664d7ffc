"""kg.ingest: the seeds read with their metadata, and every kind of bad input skipped alone."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.ingest import clean_text, language_problem, parse_date, read_inputs, split_header

SEEDS = Path(__file__).parent.parent / "seeds"

ITALIAN = ("Il presidente russo ha inviato una lettera al leader nordcoreano, ringraziando i soldati "
           "che hanno combattuto nella regione di Kursk. Secondo i media statali, i due Paesi hanno "
           "rafforzato i loro legami dopo la firma di un trattato di mutua difesa.")
OTHER_LANGUAGES = {
    "English": "The North Korean leader sent a letter to the Russian president on Friday, praising the "
               "soldiers who fought in the Kursk region. According to state media, the two countries have "
               "strengthened their ties since they signed a mutual defence treaty last year, and officials "
               "in Seoul said that thousands of troops had been deployed.",
    "French": "Le dirigeant nord-coréen a envoyé une lettre au président russe vendredi, saluant les soldats "
              "qui ont combattu dans la région de Koursk. Selon les médias d'État, les deux pays ont renforcé "
              "leurs liens depuis qu'ils ont signé un traité de défense mutuelle l'année dernière.",
    "Spanish": "El líder norcoreano envió una carta al presidente ruso el viernes, elogiando a los soldados "
               "que combatieron en la región de Kursk. Según los medios estatales, los dos países han "
               "reforzado sus lazos desde que firmaron un tratado de defensa mutua el año pasado.",
    "German": "Der nordkoreanische Machthaber hat dem russischen Präsidenten am Freitag einen Brief geschickt "
              "und die Soldaten gelobt, die in der Region Kursk gekämpft haben. Nach Angaben der Staatsmedien "
              "haben die beiden Länder ihre Beziehungen gestärkt, seit sie einen Vertrag unterzeichnet haben.",
}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def reasons(result) -> dict[str, str]:
    return {s.source: s.reason for s in result.skipped}


# --- the seeds ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seeds():
    result = read_inputs([SEEDS])
    assert result.skipped == []
    return {a.id.split("-")[0]: a for a in result.articles}


def test_seeds_are_five_italian_articles_in_order(seeds):
    assert list(seeds) == ["000", "001", "002", "003", "004"]
    assert seeds["002"].id == "002-0517a2c3f414bc01"
    assert seeds["002"].source == "seeds/002_0517a2c3f414bc01.txt"  # from the input root, wherever it lies
    for article in seeds.values():
        assert "**" not in article.text
        assert "\r" not in article.text
        assert article.text == article.text.strip()


def test_seed_002_header(seeds):
    a = seeds["002"]
    assert a.title == "Kim a Putin: sostegno incondizionato della Corea del Nord alla Russia"
    assert a.author == "Marianna Perrone"
    assert a.date == "2025-08-13"
    assert a.text.startswith("Il leader della Corea del Nord, Kim Jong-un, ha manifestato")
    assert "Marianna Perrone" not in a.text and "Agosto 13" not in a.text


def test_seed_001_title_once_and_date(seeds):
    a = seeds["001"]
    assert a.title == "Putin e Kim Jong Un: l’alleanza che sfida il mondo"
    assert a.author == "Matteo Rigamonti"
    assert a.date == "2025-12-25"
    assert "sfida il mondo" not in a.text
    assert a.text.startswith("Seoul, 25 dicembre 2025 – Il presidente russo")


def test_seed_000_date_from_dateline(seeds):
    a = seeds["000"]
    assert a.title is None and a.author is None
    assert a.date == "2025-08-15"
    assert a.text.startswith("Pechino, 15 agosto 2025 – In un nuovo rafforzamento")
    assert "\nUn legame storico e strategico che si rafforza\n" in a.text


def test_seeds_without_header(seeds):
    for key in ("003", "004"):
        assert seeds[key].title is None and seeds[key].author is None and seeds[key].date is None
    assert seeds["004"].text.startswith("Secondo quanto riportato venerdì")


def test_deterministic(tmp_path):
    files = [write(tmp_path / name, ITALIAN + f" ({name})") for name in ("b.txt", "a.md", "c/d.txt")]
    first = read_inputs([SEEDS, tmp_path])
    second = read_inputs([SEEDS, tmp_path])
    assert first == second
    assert [a.source.rsplit("/", 1)[-1] for a in first.articles[-3:]] == ["a.md", "b.txt", "d.txt"]
    # explicit files keep the order they were given in
    assert [a.id for a in read_inputs(files).articles] == ["b", "a", "d"]


# --- bad inputs, each skipped alone ------------------------------------------------------

@pytest.mark.parametrize("content, reason", [
    (b"", "empty file"),
    (b"  \n\t\n  ", "empty file"),
    (b"Testo\x00binario", "binary file (NUL byte at offset 5)"),
    ("Il testo è".encode("latin-1"), "not UTF-8 (invalid byte 0xe8 at offset 9)"),
    (OTHER_LANGUAGES["English"].encode(), "not Italian ("),
])
def test_bad_file_is_skipped_and_the_rest_read(tmp_path, content, reason):
    good = write(tmp_path / "in" / "good.txt", ITALIAN)
    write(tmp_path / "in" / "bad.txt", content)
    result = read_inputs([tmp_path / "in"])
    assert [a.source for a in result.articles] == ["in/good.txt"]
    assert len(result.skipped) == 1
    assert result.skipped[0].source == f"{(tmp_path / 'in').as_posix()}/bad.txt"
    assert result.skipped[0].reason.startswith(reason)


def test_bom_and_crlf_accepted(tmp_path):
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfTitolo\r\n\r\n" + ITALIAN.encode() + b"\r\n\r\nSecondo paragrafo.\r\n")
    [article] = read_inputs([path]).articles
    assert article.title == "Titolo"
    assert article.text == ITALIAN + "\n\nSecondo paragrafo."


def test_unreadable_file(tmp_path, monkeypatch):
    good = write(tmp_path / "a.txt", ITALIAN)
    locked = write(tmp_path / "b.txt", ITALIAN)
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = read_inputs([tmp_path])
    assert [a.id for a in result.articles] == ["a"]
    assert reasons(result) == {f"{tmp_path.as_posix()}/b.txt": "permission denied"}
    assert good.exists()


def test_missing_path_and_unsupported_extension(tmp_path):
    good = write(tmp_path / "good.md", ITALIAN)
    pdf = write(tmp_path / "paper.pdf", b"%PDF-1.4")
    result = read_inputs([tmp_path / "nope.txt", pdf, good])
    assert [a.id for a in result.articles] == ["good"]
    got = reasons(result)
    assert got[(tmp_path / "nope.txt").as_posix()] == "no such file or folder"
    assert got[pdf.as_posix()].startswith("unsupported file type '.pdf'")


def test_folder_recursive_sorted_ignoring_hidden_and_naming_other_files(tmp_path):
    for rel in ("b/z.txt", "a/y/x.md", "a/b.txt", "c.txt", ".hidden/h.txt", "a/.h.txt"):
        write(tmp_path / "corpus" / rel, ITALIAN + f" ({rel})")
    write(tmp_path / "corpus" / "notes.pdf", b"%PDF")
    write(tmp_path / "corpus" / "a" / "image.png", b"\x89PNG\x00")
    result = read_inputs([str(tmp_path / "corpus") + "/"])
    base = (tmp_path / "corpus").as_posix()
    assert {s.source for s in result.skipped} == {f"{base}/notes.pdf", f"{base}/a/image.png"}
    assert all(s.reason.startswith("not an article file") for s in result.skipped)
    assert [a.source for a in result.articles] == [f"corpus/{rel}" for rel in ("a/b.txt", "a/y/x.md", "b/z.txt", "c.txt")]


def test_sources_relative_to_the_folder_as_given(tmp_path, monkeypatch):
    write(tmp_path / "sub" / "a.txt", ITALIAN)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path / "sub")   # a symlink loop is walked once
    monkeypatch.chdir(tmp_path)
    assert [a.source for a in read_inputs(["."]).articles] == ["sub/a.txt"]
    assert [a.source for a in read_inputs(["sub/"]).articles] == ["sub/a.txt"]
    assert [a.source for a in read_inputs([tmp_path / "sub"]).articles] == ["sub/a.txt"]
    assert [a.source for a in read_inputs([Path("sub") / "a.txt"]).articles] == ["sub/a.txt"]
    assert [a.source for a in read_inputs([tmp_path / "sub" / "a.txt"]).articles] == ["sub/a.txt"]


def test_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ITALIAN)
    assert len(read_inputs([tmp_path, path]).articles) == 1


def test_duplicate_ids_get_suffixes(tmp_path):
    write(tmp_path / "one" / "notizia.txt", ITALIAN + " Uno.")
    write(tmp_path / "two" / "notizia.txt", ITALIAN + " Due.")
    write(tmp_path / "three.jsonl", "\n".join(json.dumps({"id": "notizia", "text": ITALIAN + f" {n}."}) for n in range(2)))
    ids = [a.id for a in read_inputs([tmp_path]).articles]
    assert ids == ["notizia", "notizia-2", "notizia-3", "notizia-4"]


# --- JSONL -------------------------------------------------------------------------------

def test_jsonl_good_and_broken_lines(tmp_path):
    lines = [
        json.dumps({"text": ITALIAN, "title": "Primo", "date": "13 agosto 2025", "url": "https://e.it/1",
                    "source": "Agenzia", "author": "Anna Rossi", "id": "Art 1"}),
        "{not json",
        "",
        json.dumps(["a list"]),
        json.dumps({"title": "senza testo"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": ITALIAN, "title": 5}),
        json.dumps({"text": OTHER_LANGUAGES["Spanish"]}),
        json.dumps({"text": ITALIAN + " Nove.", "date": "non è una data"}),
        json.dumps({"text": ITALIAN + " Dieci.", "date": "2025-08-13T09:30:00Z"}),
        json.dumps({"text": ITALIAN + " Undici.", "date": "mercoledì 13 agosto 2025", "id": 7}),
        json.dumps({"text": "Roma, 2 marzo 2024 – " + ITALIAN}),
        json.dumps({"text": ITALIAN + " Tredici.", "date": "2025-01"}),     # a month: kept at its precision
        json.dumps({"text": ITALIAN + " Quattordici.", "date": "2023"}),
        json.dumps({"text": ITALIAN + " Quindici.", "date": "2025-13"}),
    ]
    path = write(tmp_path / "x.jsonl", "\n".join(lines) + "\n")
    result = read_inputs([path])
    src, d = path.as_posix(), tmp_path.name
    assert [(a.id, a.source, a.date) for a in result.articles] == [
        ("art-1", f"{d}/x.jsonl:1", "2025-08-13"), ("x-9", f"{d}/x.jsonl:9", None),
        ("x-10", f"{d}/x.jsonl:10", "2025-08-13"), ("7", f"{d}/x.jsonl:11", "2025-08-13"),
        ("x-12", f"{d}/x.jsonl:12", "2024-03-02"), ("x-13", f"{d}/x.jsonl:13", "2025-01"),
        ("x-14", f"{d}/x.jsonl:14", "2023"), ("x-15", f"{d}/x.jsonl:15", None)]
    assert result.notes == [f"{src}:9: \"date\" 'non è una data' is not a date; left out",
                            f"{src}:15: \"date\" '2025-13' is not a date; left out"]
    first = result.articles[0]
    assert (first.title, first.url, first.publisher, first.author) == ("Primo", "https://e.it/1", "Agenzia", "Anna Rossi")
    got = reasons(result)
    assert set(got) == {f"{src}:{n}" for n in (2, 4, 5, 6, 7, 8)}
    assert got[f"{src}:2"].startswith("invalid JSON")
    assert got[f"{src}:4"] == "not a JSON object (got list)"
    assert got[f"{src}:5"] == 'missing "text"'
    assert got[f"{src}:6"] == 'empty "text"'
    assert got[f"{src}:7"] == '"title" must be a string, got int'
    assert got[f"{src}:8"].startswith("not Italian (") and got[f"{src}:8"].endswith("looks like Spanish)")


def test_jsonl_bad_bytes_cost_one_line(tmp_path):
    first = json.dumps({"text": ITALIAN}).encode()
    path = write(tmp_path / "x.jsonl", b"\xef\xbb\xbf" + first + b"\n" + b'{"text": "\xff"}\n')
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["x-1"]
    assert reasons(result) == {f"{path.as_posix()}:2": f"not UTF-8 (invalid byte 0xff at offset {3 + len(first) + 1 + 10})"}


@pytest.mark.parametrize("content, reason", [(b"\n\n", "empty file"), (b'{"text": "\x00"}', "binary file")])
def test_jsonl_whole_file_problems(tmp_path, content, reason):
    path = write(tmp_path / "x.jsonl", content)
    good = write(tmp_path / "y.txt", ITALIAN)
    result = read_inputs([path, good])
    assert [a.id for a in result.articles] == ["y"]
    assert result.skipped[0].source == path.as_posix() and result.skipped[0].reason.startswith(reason)


def test_jsonl_text_is_not_searched_for_a_title(tmp_path):
    path = write(tmp_path / "x.jsonl", json.dumps({"text": "Titolo breve\n\n" + ITALIAN}))
    [article] = read_inputs([path]).articles
    assert article.title is None and article.text.startswith("Titolo breve")


# --- language ----------------------------------------------------------------------------

@pytest.mark.parametrize("language", sorted(OTHER_LANGUAGES))
def test_other_languages_rejected(tmp_path, language):
    path = write(tmp_path / "a.txt", OTHER_LANGUAGES[language])
    result = read_inputs([path])
    assert result.articles == []
    reason = result.skipped[0].reason
    assert reason.startswith("not Italian (") and reason.endswith(f"; looks like {language})")
    assert "% Italian function words" in reason


def test_short_texts():
    assert language_problem("Kim a Mosca") is None
    # too short to tell and nothing foreign in it: a caption, a list of names (KIND's "Adriano
    # Galliani, vicepresidente Milan" was skipped as not Italian)
    assert language_problem("Putin incontra Kim") is None
    assert language_problem("Putin and Kim at the summit") is not None
    assert language_problem(ITALIAN) is None


def test_names_belong_to_no_language():
    # a list of candidates is Italian by its few lower-case words, however many names it holds
    names = ("Sono candidati Luca Rossi (PD, UDC), Anna Bianchi (FI, NCD), Marco Verdi (M5S), "
             "Giulia Neri (FdI, LN) e Paolo Gialli (SEL).")
    assert language_problem(names) is None
    assert language_problem("Candidates are Luca Rossi (PD), Anna Bianchi (FI) and Marco Verdi (M5S), "
                            "who will be on the ballot with the others of their parties.") is not None


# --- text and header ---------------------------------------------------------------------

def test_markdown_removed_in_md_and_txt(tmp_path):
    md = ("# Il vertice di Mosca\n\n**Putin** ha ricevuto *ieri* il leader della [Corea del Nord](https://e.it/x) "
          "e __Kim__ ha parlato con _Lavrov_; il file nome_del_file resta e 5 * 3 * 2 pure.\n\n" + ITALIAN)
    for name in ("a.md", "b.txt"):
        [article] = read_inputs([write(tmp_path / name, md)]).articles
        assert article.title == "Il vertice di Mosca"
        assert article.text.startswith("Putin ha ricevuto ieri il leader della Corea del Nord e Kim ha parlato "
                                       "con Lavrov; il file nome_del_file resta e 5 * 3 * 2 pure.")


@pytest.mark.parametrize("line", ["Agosto 13, 2025", "13 agosto 2025", "13/08/2025", "2025-08-13",
                                  "mercoledì 13 agosto 2025", "13 Agosto 2025, 10:35"])
def test_date_lines(line):
    header = split_header(f"Un titolo\n\nAnna Maria Rossi\n{line}\n\n{ITALIAN}")
    assert (header.title, header.author, header.date) == ("Un titolo", "Anna Maria Rossi", "2025-08-13")
    assert header.body == ITALIAN


def test_header_needs_its_shape():
    # a first line ending with a period, or running straight into the body, is not a title
    assert split_header(f"Una frase finita.\n\n{ITALIAN}").title is None
    assert split_header(f"Un sottotitolo\n{ITALIAN}").title is None
    # a dateline later in the text does not date the article
    assert split_header(f"{ITALIAN}\n\nRoma, 3 marzo 2024 – altro").date is None
    assert split_header(f"Roma, 3 marzo 2024 - {ITALIAN}").date == "2024-03-03"
    assert split_header(f"3 marzo 2024 – {ITALIAN}").date == "2024-03-03"
    assert split_header(f"Nel 2024 la Russia, 3 marzo 2024 - {ITALIAN}").date is None


def test_parse_date():
    assert parse_date("2025-02-30") is None
    assert parse_date("1 dicembre 2024") == "2024-12-01"
    assert parse_date("Dicembre 1, 2024") == "2024-12-01"
    assert parse_date("ieri") is None


def test_clean_text_keeps_paragraphs():
    assert clean_text("a\r\n\r\n\r\n\r\nb  \r\nc") == "a\n\nb\nc"
