"""Fuzzing the parsers: arbitrary bytes, text and YAML give a clean error or a valid
result, never a traceback."""

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loader.annotations import FIELDS, parse_annotation_yaml, resolve
from loader.articles import parse_article
from loader.errors import InputError

MESSAGE = re.compile(r"^x\.(txt|yml)(:\d+)?: \S")
ARTICLE = parse_article(" date 2024-04-02 The minister met the mayor in Oslo, officials said. “It went well,” the minister said.\n\nThe mayor did not respond.".encode(), "x.txt")
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_clean(error: InputError):
    assert error.problems and all(MESSAGE.match(p) for p in error.problems), error.problems


@FUZZ
@given(st.binary(max_size=400))
def test_article_parser_on_arbitrary_bytes(data):
    try:
        article = parse_article(data, "x.txt")
    except InputError as error:
        assert_clean(error)
    else:
        assert data.decode("utf-8-sig")[article.text_offset :] == article.text


@FUZZ
@given(st.sampled_from(["", " date 2024-01-02 ", "---\n", "---\npublished: 2024-01-02\n---\n"]), st.text(max_size=300))
def test_article_parser_on_arbitrary_text(head, body):
    data = (head + body).encode("utf-8", "surrogatepass")
    try:
        article = parse_article(data, "x.txt")
    except (InputError, UnicodeError) as error:
        if isinstance(error, InputError):
            assert_clean(error)
    else:
        assert article.text.strip() and article.published


@FUZZ
@given(st.text(max_size=300))
def test_annotation_parser_on_arbitrary_text(text):
    try:
        doc = parse_annotation_yaml(text, "x.yml")
    except InputError as error:
        assert_clean(error)
        return
    result = resolve(doc, ARTICLE, "x.yml")
    assert all(MESSAGE.match(p) for p in result.problems), result.problems


# Documents shaped like annotations, with known section and field names and arbitrary values.
scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5000), st.floats(allow_nan=True),
                    st.text(max_size=20), st.sampled_from(["Oslo", "The mayor", "It went well", "said", "2024-04", "199", "held"]))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=3),
                      st.dictionaries(st.sampled_from(["text", "occurrence", "start", "end", "ref", "role"]), inner, max_size=3)), max_leaves=8)
items = st.fixed_dictionaries({}, optional={field: values for field in {f for fields in FIELDS.values() for f in fields}})
documents = st.dictionaries(st.sampled_from(sorted(FIELDS) + ["article", "other"]),
                            st.one_of(st.lists(items, max_size=3), values), max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_resolver_on_arbitrary_documents(doc):
    text = yaml.safe_dump(doc, allow_unicode=True)
    try:
        parsed = parse_annotation_yaml(text, "x.yml")
    except InputError as error:
        assert_clean(error)
        return
    result = resolve(parsed, ARTICLE, "x.yml")
    assert all(MESSAGE.match(p) for p in result.problems), result.problems
    if not result.problems:
        for row in result.rows["statements"]:
            assert ARTICLE.text[row["start"] : row["end"]] == row["text"]
