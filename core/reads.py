"""The rows that fields sharing a pattern read (core/work.py), named once: what the compiled
statements and cypher/fragments/ read for one object, by the graph's statistics and the
scan caps the statements apply."""

from __future__ import annotations

from core.bounds import IDS, PAGE, NeighborNodes, SliceEdges, SliceNodes
from core.collaboration import COAUTHORS_SCANNED, PER_NEIGHBOR_SCANNED, TOPICS_SCANNED
from core.work import (
    ByParent,
    Expression,
    ItemsOf,
    Least,
    Limit,
    Most,
    OrderReads,
    PerCandidate,
    RootList,
    Rows,
    every_candidate,
)

# A node found by an id: its key, or each of the identifiers a root field takes, an alias
# among them, and the relationship from an alias.
LOOKUP = Rows(4)
# A node one relationship away, whose own kind has at most one such (a topic's parent).
ONE_HOP = Rows(2)
# A researcher's two-year mean citedness: their works, with their kept citations.
RECENT_CITEDNESS = Most("researcher.works") + 1

# The works hanging off a researcher, a topic or an institution (its affiliation links,
# several to a work).
WORKS_OF = {
    "Researcher": Most("researcher.works"),
    "Topic": Most("topic.works"),
    "Institution": Most("institution.affiliations"),
}
WORKS_PAGE = ByParent({kind: every_candidate(works) for kind, works in WORKS_OF.items()})
WORKS_BY_YEAR = ByParent({kind: works + 1 for kind, works in WORKS_OF.items()})
ROOT_WORKS = RootList(
    Most("nodes.Work"),
    {
        "topic": WORKS_OF["Topic"],
        "author": WORKS_OF["Researcher"],
        "institution": WORKS_OF["Institution"],
    },
)
ROOT_WORKS_BY_YEAR = Most("nodes.Work") + 1
# groupBy over a list of works: what each candidate work reads for its values (a topic's
# subfield, field and domain are up to three SUBTOPIC_OF above it).
WORK_GROUPS = PerCandidate(
    {
        "year": Rows(0),
        "type": Rows(0),
        "venue": Rows(0),
        "openAccess": Rows(0),
        "topic": Most("work.topics"),
        "subfield": 5 * Most("work.topics"),
        "field": 5 * Most("work.topics"),
        "domain": 5 * Most("work.topics"),
        "institution": Most("work.affiliations"),
        "country": Most("work.affiliations"),
        "author": Most("work.authors"),
    }
)
# `aggregate` over a list of works: properties of each candidate.
WORK_AGGREGATE = PerCandidate(Rows(0))
# groupBy over a list of researchers: their current profile affiliations, or their works'
# topics.
RESEARCHER_GROUPS = PerCandidate(
    {
        "institution": Most("researcher.affiliations"),
        "country": Most("researcher.affiliations"),
        "topic": Most("researcher.works") + Most("researcher.topics"),
    }
)
# What ordering researchers by a figure reads for each (RESEARCHER_ORDER in
# resolvers/compiler/researchers.py): names are properties, and works counts, followers,
# citations and h-indexes figures kept on the node, each with a range index.
KEPT_RESEARCHER_ORDERS = ("citations", "hIndex", "worksCount", "followers")
ALL_AUTHORSHIPS = Most("relationships.AUTHORED") + Most("nodes.Researcher")
RESEARCHER_ORDERS = {
    "recentWorks": OrderReads(Most("researcher.works"), ALL_AUTHORSHIPS),
}
ROOT_RESEARCHERS = RootList(
    Most("nodes.Researcher"),
    {
        "topic": Most("topic.researchers"),
        "institution": Most("institution.members"),
    },
    RESEARCHER_ORDERS,
    {field: f"ranked.{field}" for field in KEPT_RESEARCHER_ORDERS},
)
# Their orders read a property, a kept count or a degree.
ROOT_TOPICS = RootList(Most("nodes.Topic"), {})
ROOT_INSTITUTIONS = RootList(Most("nodes.Institution"), {})
NODES_BY_IDS = 2 * ItemsOf(IDS) + 1

# A researcher's topics: every work's topics.
RESEARCHER_TOPICS = Most("researcher.works") + Most("researcher.topics") + 1
# The authors, or the topics, of the researcher's most recent `fanout_works` works: no more
# than those of all their works.
RECENT_AUTHORSHIPS = Least(
    (
        Limit("fanout_works") * (Most("work.authors") + 1),
        Most("researcher.authorships") + Limit("fanout_works"),
    )
)
RECENT_TOPICS = Least(
    (
        Limit("fanout_works") * (Most("work.topics") + 1),
        Most("researcher.topics") + Limit("fanout_works"),
    )
)
# Co-authors over the most recent `fanout_works` works (fragments/collaborators.cypher).
COLLABORATORS = Most("researcher.works") + RECENT_AUTHORSHIPS + 1
# A researcher's works, twice, and the works citing each; a work's citing works.
RESEARCHER_COUNTS_BY_YEAR = 2 * Most("researcher.works") + Most("researcher.citedBy") + 1
WORK_COUNTS_BY_YEAR = Most("work.citedBy") + 1


def neighbor_authorships(every_authorship: Expression) -> Expression:
    """`PER_NEIGHBOR_SCANNED` works of a co-author or a topic and their authors: no more
    than the authors of all its works, `every_authorship`."""
    works = PER_NEIGHBOR_SCANNED
    return works + Least((works * (Most("work.authors") + 1), every_authorship + works))


# Friends of friends and topic neighbours (fragments/recommended_collaborators.cypher).
RECOMMENDATIONS = (
    2 * Most("researcher.works")
    + RECENT_AUTHORSHIPS
    + RECENT_TOPICS
    + COAUTHORS_SCANNED * neighbor_authorships(Most("researcher.authorships"))
    + TOPICS_SCANNED * neighbor_authorships(Most("topic.authorships"))
    + 1
)
# A shortest path may search every researcher and work before it finds the end, or not.
COLLABORATION_PATH = Most("nodes.Researcher") + Most("nodes.Work") + 2
# What a researcher's trust and claim status are read from (fragments/researcher_standing).
STANDING = Most("user.follows") + 8

# A topic's kept researchers, or an institution's kept members.
TOPIC_RESEARCHERS = every_candidate(Most("topic.researchers"), RESEARCHER_ORDERS)
INSTITUTION_RESEARCHERS = every_candidate(Most("institution.members"), RESEARCHER_ORDERS)
# Topics of an institution's works, with each work's authors once for each of its topics
# (fragments/institution_top_topics): the authors of all its works are its authorships.
INSTITUTION_TOPICS = (
    Most("institution.affiliations") * (Most("work.topics") + 1)
    + Most("work.topics") * Most("institution.authorships")
    + 1
)

# The explorer's neighbourhoods: the relationships around the center, up to
# `fanout_per_neighbor` around each node of hop 1, and the nodes kept (fragments/graph_slice).
GRAPH_SLICE = ItemsOf(SliceEdges()) + ItemsOf(SliceNodes()) + 1
NEIGHBORS = Limit("fanout_center") + ItemsOf(NeighborNodes()) + 1
# Full-text hits of each of the four kinds, and exact identifier matches.
SEARCH_HITS = 4 * ItemsOf(PAGE) + 8

# The signed-in user's own lists, and the moderators' queue.
FOLLOWING = every_candidate(Most("user.follows"))
OWN_CLAIMS = Most("user.claims") + 1
RECEIVED_INVITATIONS = every_candidate(Most("user.claims") * (Most("researcher.invitations") + 1))
SENT_INVITATIONS = every_candidate(Most("user.invitations"))
CLAIMS_QUEUE = Most("claims") + 1
