"""The offline English check: scripts, function-word share, and the loader's not_english problems.

Every text here was written for this test (the French and German lines too)."""

from __future__ import annotations

from toolkit.corpus import guess_language, load_corpus

ENGLISH = ("The ministry said on Tuesday that the convoy had reached the town, but aid workers who were "
           "there told reporters that the trucks were still waiting at the checkpoint for a permit.")
FRENCH = ("Le ministère a déclaré mardi que le convoi était arrivé dans la ville, mais les travailleurs "
          "humanitaires ont dit aux journalistes que les camions attendaient toujours au poste de contrôle.")
GERMAN = ("Das Ministerium teilte am Dienstag mit, dass der Konvoi die Stadt erreicht habe, aber Helfer "
          "berichteten den Journalisten, dass die Lastwagen noch immer am Kontrollpunkt warteten.")
RUSSIAN = "Министерство заявило во вторник, что колонна достигла города, но грузовики всё ещё ждут на посту."
ARABIC = "قالت الوزارة يوم الثلاثاء إن القافلة وصلت إلى المدينة لكن الشاحنات ما زالت تنتظر عند الحاجز."
CHINESE = "外交部星期二表示，车队已经抵达该市，但卡车仍在检查站等待许可。"


def test_corpus_language_english_prose_is_english():
    guess = guess_language(ENGLISH)
    assert guess.english is True and guess.script == "latin" and guess.english_share > 0.3


def test_corpus_language_other_latin_script_languages_are_not_english():
    for text in (FRENCH, GERMAN):
        guess = guess_language(text)
        assert guess.english is False and guess.script == "latin", text[:20]
        assert "function words" in guess.reason


def test_corpus_language_non_latin_scripts_are_named():
    assert guess_language(RUSSIAN).script == "cyrillic" and guess_language(RUSSIAN).english is False
    assert guess_language(ARABIC).script == "arabic" and guess_language(ARABIC).english is False
    assert guess_language(CHINESE).script == "cjk" and guess_language(CHINESE).english is False
    assert "cyrillic script" in guess_language(RUSSIAN).reason


def test_corpus_language_short_latin_text_is_not_judged():
    assert guess_language("Aleppo, Homs, Idlib").english is None
    assert guess_language("").english is None


def test_corpus_language_a_quoted_foreign_phrase_leaves_an_english_article_english():
    mixed = ENGLISH + " A banner read «Мы хотим мира» in large letters, the witnesses said."
    assert guess_language(mixed).english is True


def test_corpus_language_loader_flags_not_english_articles_as_problems(tmp_path):
    (tmp_path / "wire_2015-10-01_convoy.txt").write_text("Convoy arrives\n\n" + ENGLISH + "\n", encoding="utf-8")
    (tmp_path / "vesti_2015-10-01_convoy.txt").write_text("Колонна\n\n" + RUSSIAN + "\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    flagged = [a.id for a in corpus if "not_english" in a.flags]
    assert flagged == ["vesti_2015-10-01_convoy"] and len(corpus) == 2  # flagged, not dropped
    problem = next(p for p in corpus.problems if "not English" in p.why or "English-only" in p.why)
    assert "vesti_2015-10-01_convoy" in problem.why and "cyrillic" in problem.why
    assert "1 articles not English" in corpus.summary()
    assert "not_english" in corpus.to_frame().set_index("id").loc["vesti_2015-10-01_convoy", "flags"]


def test_corpus_language_csv_rows_are_named_by_row(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text("id,outlet,text\n1,wire,\"" + ENGLISH + "\"\n2,zeitung,\"" + GERMAN + "\"\n", encoding="utf-8")
    corpus = load_corpus(path)
    (problem,) = [p for p in corpus.problems if "English-only" in p.why]
    assert problem.unit == "row" and problem.line == 3 and problem.path.endswith("mixed.csv")


def test_corpus_language_records_passed_to_analyze_get_the_loaded_files_problem_row(tmp_path):
    import toolkit

    records = [{"id": "wire-1", "text": ENGLISH}, {"id": "vesti-1", "text": RUSSIAN},
               {"id": "zeitung-1", "text": GERMAN, "source": "feed.jsonl", "line": 7}]
    for given in (records, iter(records)):  # a list, and a one-shot stream
        results = toolkit.analyze(given, cache=False)
        rows = results.problems.set_index("path")
        assert list(rows.index) == ["article vesti-1", "feed.jsonl"], rows  # the English record has none
        assert rows.loc["feed.jsonl", "line"] == 7 and rows.loc["feed.jsonl", "unit"] == "line"
        assert "not_english" in results.articles.set_index("article_id").loc["vesti-1", "flags"]
    (tmp_path / "vesti-1.txt").write_text(RUSSIAN + "\n", encoding="utf-8")
    loaded = toolkit.load_corpus(tmp_path)
    assert rows.loc["article vesti-1", "why"] == loaded.problems[0].why  # the same words as a loaded file's
    assert len(toolkit.analyze(loaded, cache=False).problems) == 1  # a Corpus's article: its load problem only


def test_corpus_language_articles_passed_to_analyze_without_their_corpus_keep_the_problem_row(tmp_path):
    import toolkit
    from toolkit.corpus import Article

    (tmp_path / "wire-1.txt").write_text(ENGLISH + "\n", encoding="utf-8")
    (tmp_path / "vesti-1.txt").write_text(RUSSIAN + "\n", encoding="utf-8")
    loaded = toolkit.load_corpus(tmp_path)
    (expected,) = loaded.problems
    for given in (list(loaded), iter(list(loaded))):  # a plain list of Articles, and a one-shot stream
        results = toolkit.analyze(given, cache=False)
        rows = results.problems
        assert list(rows["why"]) == [expected.why] and list(rows["path"]) == [expected.path], rows
        assert "not_english" in results.articles.set_index("article_id").loc["vesti-1", "flags"]
    by_hand = Article("hand-1", None, None, None, RUSSIAN, (), {"flags": ("not_english",)})
    rows = toolkit.analyze([by_hand], cache=False).problems
    assert list(rows["path"]) == ["article hand-1"] and "English-only" in rows["why"].iloc[0]


def test_corpus_language_ascii_letters_counted_as_a_letter_regex_counts():
    import re

    from toolkit.corpus.language import _ascii_letters

    texts = ["", "Mara Quill said 42 things.", "\u00c0\u00e9 Ruritania \u0130stanbul", "\ud800 lone surrogate z",
             "".join(map(chr, range(0, 0x2000))), "Vale Front\u2019s \u201cconvoy\u201d" * 50]
    for text in texts:
        assert _ascii_letters(text) == len(re.findall(r"[A-Za-z]", text)), text[:40]
