# Never imported: verify lists it as a pruning candidate.
