MERGE (:KeptAggregates {version: $version})
