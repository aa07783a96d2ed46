import type { Connection } from "../../components/Paged";
import type { TrustData } from "../../components/Trust";
import type { WorkItem } from "../../components/WorkList";
import type { Slice } from "../../graph/model";

export interface Collaborator {
  sharedWorks: number;
  strength: number;
  firstYear: number | null;
  lastYear: number | null;
  close: boolean;
  researcher: { id: string; name: string };
  works: { id: string; title: string; year: number | null }[];
}

export interface Recommendation {
  score: number;
  sharedCoauthors: number;
  sharedTopics: string[];
  reasons: string[];
  researcher: { id: string; name: string; headline: string | null; openToCollaborate: boolean };
}

export interface ResearcherTopic {
  works: number;
  share: number;
  topic: { id: string; name: string; level: string };
}

/** What the ResearcherPage document answers. */
export interface Researcher {
  id: string;
  name: string;
  headline: string | null;
  orcid: string | null;
  openalexId: string | null;
  openToCollaborate: boolean;
  claimStatus: string;
  viewerFollows: boolean;
  viewerIsClaimant: boolean;
  affiliation: { id: string; name: string; country: string | null } | null;
  stats: {
    works: number;
    followers: number;
    topics: number;
    closeCollaborators: number;
    citations: number;
    hIndex: number;
    i10Index: number;
    countsByYear: { year: number; works: number; citations: number }[];
  };
  trust: TrustData;
  topics: ResearcherTopic[];
  works: Connection<WorkItem> & { groupBy: { groups: { key: string | null; count: number }[] } };
  collaborators: Collaborator[];
  recommendedCollaborators: Recommendation[];
  worksByYear: { year: number; works: number }[];
  graph: Slice;
}
