"""The text shown by `arkiv extract` / `arkiv show` for an item (arkiv.render)."""
from arkiv.render import item_lines
from corpus.models import Item, Vote


def test_vote_without_abstentions_shows_only_the_counts_given():
    # "Med 5 ja-röster mot 2 nej-röster": the minutes give no abstentions
    item = Item(paragraph="58", title="Tillsynsplan", votes=[Vote(yes=5, no=2)])
    line = next(x for x in item_lines(item) if "omröstning" in x)
    assert line == "  omröstning: 5 ja, 2 nej (inga röstlängder)"


def test_vote_with_all_counts():
    item = Item(paragraph="214", title="Budget", votes=[Vote(yes=39, no=22, abstain=4)])
    line = next(x for x in item_lines(item) if "omröstning" in x)
    assert line == "  omröstning: 39 ja, 22 nej, 4 avstår (inga röstlängder)"


def test_vote_without_counts():
    item = Item(paragraph="3", title=None, votes=[Vote()])
    line = next(x for x in item_lines(item) if "omröstning" in x)
    assert "None" not in line and "siffror saknas" in line
