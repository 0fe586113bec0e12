"""Reading raw article files: both forms, offsets kept, clear errors."""

import pytest

from loader.articles import parse_article, read_article
from loader.errors import InputError

from .conftest import SEED_ARTICLES, SEED_ID


def test_seed_form_keeps_text_and_offsets():
    path = SEED_ARTICLES / f"{SEED_ID}.txt"
    article = read_article(path)
    raw = path.read_bytes().decode("utf-8")
    assert article.id == SEED_ID
    assert article.published == "2022-01-26"
    assert article.text.startswith("It was recently Tehran's turn")
    # the text is the raw file from text_offset on, unchanged
    assert raw[article.text_offset :] == article.text
    assert article.title is None and article.publisher is None


def test_markdown_front_matter():
    data = (
        "---\ntitle: Port strike ends\npublished: 2024-03-14\npublisher: Example Wire\n"
        "url: https://example.org/a\nlanguage: en\n---\nDock workers returned, a union official said.\n\nSecond paragraph.\n"
    ).encode()
    article = parse_article(data, "2024-03-14-port.md")
    assert article.id == "2024-03-14-port"
    assert (article.title, article.publisher, article.url, article.language) == (
        "Port strike ends", "Example Wire", "https://example.org/a", "en")
    assert article.published == "2024-03-14"
    assert article.text.startswith("Dock workers returned")
    assert data.decode()[article.text_offset :] == article.text
    assert article.text_line == 8


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "x.txt:1: empty file"),
        (b"Just text, no date line.", "x.txt:1: no publication date"),
        (b" date 2022-13-40 Text.", "x.txt:1: bad date '2022-13-40': no such day"),
        (b" date yesterday Text.", "x.txt:1: bad date 'yesterday'"),
        (b"---\ntitle: A\n", "x.txt:1: front matter opened with '---' is never closed"),
        (b"---\ntitle: A\n---\nText.", "x.txt:1: front matter has no 'published' date"),
        (b"---\npublished: 2022-01-01\nbyline: B\n---\nText.", "x.txt:2: unknown front matter field(s) byline"),
        (b"---\npublished: [2022\n---\nText.", "x.txt:3: front matter is not valid YAML"),
        (b"---\npublished: 2022-02-30\n---\nText.", "x.txt:2: front matter has a bad value: day is out of range"),
        (b"---\ntitle: A\npublished: 2022-02-30\n---\nText.", "x.txt:3: front matter has a bad value: day is out of range"),
        (b"---\ntitle: A\npublished:\n---\nText.", "x.txt:3: front matter has no 'published' date"),
        (b"\xef\xbb\xbf date 2022-01-01 Text after a UTF-8 byte-order mark.", None),
        (b" date 2022-01-01 caf\xe9 ok\nline two \xff", "x.txt:1: not valid UTF-8 (byte 0xe9 at offset 20)"),
        (b" date 2022-01-01 ok\n\x00\x01\x02", "x.txt:2: binary file"),
        (b" date 2022-01-01   \n\n", "x.txt:1: the article has no text"),
    ],
)
def test_bad_articles_name_file_and_line(data, message):
    if message is None:  # accepted
        assert parse_article(data, "x.txt").text.startswith("Text after")
        return
    with pytest.raises(InputError) as error:
        parse_article(data, "x.txt")
    assert error.value.problems[0].startswith(message), error.value.problems


def test_front_matter_from_loader_add_reads_author_canonical_url_and_retrieved_at():
    data = (b"---\ntitle: T\npublished: 2024-03-14\nauthor: Jane Doe\nurl: http://127.0.0.1:8000/news/a?x=1\n"
            b"canonical_url: https://example.org/a\nlanguage: en\nretrieved_at: '2024-03-15T10:00:00Z'\n---\nText.\n")
    article = parse_article(data, "a.md")
    assert (article.author, article.url, article.canonical_url, article.retrieved_at) == (
        "Jane Doe", "http://127.0.0.1:8000/news/a?x=1", "https://example.org/a", "2024-03-15T10:00:00Z")
    # an unquoted timestamp (YAML reads it as a datetime) is kept as the same ISO text
    unquoted = parse_article(data.replace(b"'2024-03-15T10:00:00Z'", b"2024-03-15T10:00:00Z"), "a.md")
    assert unquoted.retrieved_at == "2024-03-15T10:00:00Z"
    assert parse_article(b"---\npublished: 2024-03-14\n---\nText.\n", "b.md").author is None


def test_dates_as_feeds_and_exports_give_them():
    from loader.articles import date_from_text

    assert [date_from_text(v) for v in ("2024-03-14", "2024-03-14T23:30:00+05:00", "Thu, 14 Mar 2024 09:30:00 GMT",
                                        "2024-02-30", "yesterday", "14/03/2024")] == [
        "2024-03-14", "2024-03-14", "2024-03-14", None, None, None]
