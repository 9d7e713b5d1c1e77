"""Corpus-wide speaker identities on real SaudiNewsNet articles and on small constructed cases."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import voices
from helpers import paths
from helpers.analysis.corpus import read_corpus
from helpers.pipeline.annotation import corpus_tables_for
from helpers.annotate.entities import load_gazetteer
from helpers.annotate.identities import IdentityError, actor_mentions, entity_identities, load_aliases, resolver, speaker_identities
from helpers.text.normalize import normalize


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    source = folder / "slice.jsonl"
    source.write_text("\n".join(paths.CORPUS.read_text(encoding="utf-8").splitlines()[:150]) + "\n", encoding="utf-8")
    return read_corpus(corpus_tables_for(source, folder / "tables"), source)


@pytest.fixture(scope="module")
def people(corpus):
    return voices.speakers(corpus)


def quotes(*speakers):
    """A quotes table of one article: (speaker_id, label) pairs, in text order."""
    return pd.DataFrame(
        [{"doc_id": "d", "speaker_id": s, "speaker_label": label, "speaker": label, "anonymous": False, "start": 10 * i}
         for i, (s, label) in enumerate(speakers)]
    )


def test_jubeir_is_one_identity_across_the_corpus(people):
    jubeir = people[people.speaker_label.map(normalize).str.contains("عادل") & people.speaker_label.str.contains("الجبير")]
    assert len(jubeir) >= 2 and set(jubeir.identity) == {"adel-al-jubeir"}
    assert jubeir.speaker_label.nunique() >= 2  # several spellings and titles, one id


def test_no_known_name_is_left_as_a_label_id(people):
    """A speaker whose label holds a full name of the alias file is never split off as name:…"""
    known = {i.id: i.names for i in load_aliases().values() if i.kind != "actor"}  # actors never speak
    known |= {e.id: e.aliases for e in load_gazetteer().entities.values() if e.type == "PERSON" and not e.office}
    unresolved = people[people.identity.str.startswith("name:")]
    labels = unresolved.speaker_label.map(normalize)
    for identity, names in known.items():
        for name in (n for n in names if " " in n):
            clash = unresolved[labels.str.contains(normalize(name), regex=False)]
            assert clash.empty, (identity, list(clash.speaker_label))


def test_title_counts_only_in_an_article_that_names_the_holder():
    frame = quotes(("S1", "وزير الخارجية السعودي"))
    named = speaker_identities(frame, {"d": "قال عادل الجبير أمس. وأضاف وزير الخارجية السعودي"})
    unnamed = speaker_identities(frame, {"d": "وقال وزير الخارجية السعودي إن"})
    assert named.identity[0] == "adel-al-jubeir" and named.resolved_by[0] == "title"
    assert unnamed.identity[0] == "name:وزير-الخارجية-السعودي"


def test_a_surname_is_not_another_person_with_it():
    frame = quotes(("S1", "م. فهد الجبير أمين المنطقة الشرقية"))
    assert speaker_identities(frame, {"d": "قال م. فهد الجبير أمين المنطقة الشرقية"}).identity[0] != "adel-al-jubeir"


def test_bare_surname_resolves_to_the_full_name_earlier_in_the_article():
    frame = quotes(("S1", "وزير الخارجية الأردني ناصر جودة"), ("S2", "جودة"))
    table = speaker_identities(frame, {"d": "قال وزير الخارجية الأردني ناصر جودة ... وأضاف جودة"})
    assert table.identity[0] == table.identity[1] and table.resolved_by[1] == "article"
    assert table.origin[0] == "foreign"


def test_types_and_origins():
    frame = quotes(("S1", "جون كيري"), ("S2", "الزياني"), ("S3", "الخبير الأمني"), ("S4", "صحيفة نيويورك تايمز"), ("S5", "مملكة البحرين"))
    table = speaker_identities(frame, {"d": "عبداللطيف الزياني"}).set_index("speaker_id")
    assert table.loc["S1", "origin"] == "foreign" and table.loc["S2", "origin"] == "gulf"
    assert table.loc["S3", "speaker_type"] == "expert" and table.loc["S4", "speaker_type"] == "media"
    assert table.loc["S5", "identity"] == "bahrain" and table.loc["S5", "origin"] == "gulf"


def test_a_statement_without_speaker_is_not_an_anonymous_source():
    table = speaker_identities(quotes(("unknown", "غير محدد")), {"d": ""})
    assert (table.identity[0], table.speaker_type[0], table.origin[0]) == ("unknown", "unknown", "unknown")


def test_a_bad_alias_file_names_itself(tmp_path):
    bad = tmp_path / "aliases.yaml"
    bad.write_text("identities:\n  - id: x\n    label_ar: س\n    label_en: X\n    kind: person\n    names: [كيري]\n    country: atlantis\n", encoding="utf-8")
    with pytest.raises(IdentityError, match="aliases.yaml.*atlantis"):
        load_aliases(bad)
    assert resolver() is resolver()


def test_entity_mentions_take_the_same_identities():
    entities = pd.DataFrame({
        "doc_id": ["d", "d", "d", "e"],
        "entity_id": ["person:عادل-بن-احمد-الجبير", "nato-secretary-general", "person:فهد-الجبير", "person:اوباما"],
        "refers_to": [None, "jens-stoltenberg", None, None],
    })
    ids = entity_identities(entities, {"d": "عادل بن أحمد الجبير وفهد الجبير", "e": "أوباما"})
    assert list(ids) == ["adel-al-jubeir", "jens-stoltenberg", "person:فهد-الجبير", "barack-obama"]


def test_actor_mentions_count_a_span_once(corpus):
    mentions = actor_mentions(corpus.layer("entities"), corpus.layer("paragraphs"))
    assert not mentions.duplicated(["doc_id", "start", "end"]).any()
    assert {"iran", "gcc"} <= set(mentions.actor)
    split = mentions[mentions.actor.str.contains("عادل") & mentions.actor.str.contains("جبير")]
    assert split.empty, set(split.actor)  # every عادل الجبير spelling is adel-al-jubeir


def test_an_edited_alias_file_is_used_at_once(tmp_path):
    """A researcher who adds an alias in a live kernel gets it without restarting."""
    import shutil

    from helpers.annotate import identities

    copy = tmp_path / "aliases.yaml"
    shutil.copy(identities.ALIASES, copy)
    before = resolver(copy)
    assert resolver(copy) is before
    copy.write_text(copy.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert resolver(copy) is not before
